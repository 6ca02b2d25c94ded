namespace ChatBot.Core.Indexing;

/// <summary>
/// The SQLite layout of the index file. Articles keep their full text Brotli-compressed (<see cref="BrotliText"/>;
/// quotes are exact substrings of the text read back); passages are offsets into it; the claims of an article's
/// passages are one compact binary blob in the article's row (<see cref="PassageCodec"/>; a passage picks
/// its sentences' claims from it); the FTS5 table is contentless (it holds only the analysed tokens' postings), so the
/// file stays small. Passage rowids of one article are contiguous, so an article's passages are a rowid range. A passage keeps
/// its length in analysed tokens and the tokens it holds more than once ("token count ..."), so retrieval can compute
/// BM25 itself without reading postings (<see cref="RepeatedTokens"/>). A passage's context (the sub-headline in force
/// and the sentence before it) is indexed with it and kept as ranges of the article text.
/// </summary>
internal static class IndexSchema
{
    /// <summary>Bump when the tables change: a different value forces a full rebuild.</summary>
    public const string Version = "schema-6";

    /// <summary>
    /// The tables. FTS5's <c>hashsize</c> is how much in-memory postings it gathers before it flushes them as a
    /// segment: at 256 MB a 100k-article build flushes once, so <see cref="Optimize"/> finds one segment and has
    /// nothing to merge after the last article is written (docs/retrieval.md).
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE files(path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE articles(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            file TEXT NOT NULL,
            source_path TEXT NOT NULL,
            outlet TEXT NOT NULL,
            title TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL,
            byline TEXT,
            url TEXT,
            language TEXT,
            first_passage INTEGER NOT NULL,
            passage_count INTEGER NOT NULL,
            text BLOB NOT NULL,
            claims BLOB);
        CREATE INDEX articles_file ON articles(file);
        CREATE TABLE passages(
            rowid INTEGER PRIMARY KEY,
            article INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            start INTEGER NOT NULL,
            length INTEGER NOT NULL,
            tokens INTEGER NOT NULL,
            repeats TEXT,
            sentences TEXT NOT NULL,
            context TEXT);
        CREATE VIRTUAL TABLE passages_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
        INSERT INTO passages_fts(passages_fts, rank) VALUES('hashsize', 268435456);
        INSERT INTO passages_fts(passages_fts, rank) VALUES('automerge', 16);
        INSERT INTO passages_fts(passages_fts, rank) VALUES('crisismerge', 64);
        """;

    /// <summary>
    /// Merges the FTS5 segments into one b-tree. Run once after a full build: queries then read one segment per term
    /// instead of several. Later updates add small segments that automerge folds in.
    /// </summary>
    public const string Optimize = "INSERT INTO passages_fts(passages_fts) VALUES('optimize');";

    public const string Drop = """
        DROP TABLE IF EXISTS passages_vocab;
        DROP TABLE IF EXISTS passages_fts;
        DROP TABLE IF EXISTS passages;
        DROP TABLE IF EXISTS articles;
        DROP TABLE IF EXISTS files;
        """;

    public static class Keys
    {
        public const string Signature = "signature";
        public const string BuiltAt = "built_at";
        public const string Generation = "generation";
    }
}
