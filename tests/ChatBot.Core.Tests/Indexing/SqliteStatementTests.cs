using ChatBot.Core.Indexing;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Tests.Indexing;

public sealed class SqliteStatementTests
{
    [Theory]
    [InlineData(5, 2)]
    [InlineData(4, 2)]
    [InlineData(0, 3)]
    [InlineData(3, 8)]
    public void StepInt64s_RowsInBatches_EveryRowOnceThenDoneAndReusable(int rows, int batchSize)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t(v INTEGER); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows) INSERT INTO t SELECT i * 10 FROM n WHERE $rows > 0";
            create.Parameters.AddWithValue("$rows", rows);
            create.ExecuteNonQuery();
        }

        using var statement = new SqliteStatement(connection, "SELECT v FROM t WHERE v > ?1 ORDER BY v");
        var batch = new long[batchSize];
        for (var pass = 0; pass < 2; pass++)
        {
            // Rebound after running to completion: the statement was reset when its rows ran out.
            statement.Bind(1, 0);
            var read = new List<long>();
            int n;
            do
            {
                n = statement.StepInt64s(batch);
                read.AddRange(batch.Take(n));
            }
            while (n == batch.Length);

            Assert.Equal(Enumerable.Range(1, rows).Select(i => i * 10L), read);
        }
    }
}
