using System.Text.RegularExpressions;

namespace ChatBot.Core.Prompts;

/// <summary>
/// Checks a Handlebars template before it is compiled, so a mistake is reported with its line: unbalanced blocks,
/// unknown helpers, partials (not supported), and variables used but not declared in <c>input_variables</c>.
/// </summary>
/// <remarks>
/// Outside <c>#each</c>/<c>#with</c> blocks the first segment of every path must be a declared variable (or
/// <c>this</c>, <c>@root</c>, <c>@index</c> and the other data variables). Inside those blocks the context is an
/// item whose members are not declared anywhere, so paths there are accepted; the block's own argument is checked.
/// </remarks>
internal static partial class HandlebarsTemplateChecker
{
    private static readonly HashSet<string> ScopeBlocks = ["each", "with"];

    /// <summary>Adds problems to <paramref name="errors"/> as "path:line: reason".</summary>
    public static void Check(string path, ParsedPrompt prompt, IReadOnlySet<string> helpers, List<string> errors)
    {
        var declared = prompt.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var stack = new Stack<(string Name, int Line)>();
        var text = prompt.Template;
        var index = 0;
        while ((index = text.IndexOf("{{", index, StringComparison.Ordinal)) >= 0)
        {
            var line = prompt.TemplateLine + CountLines(text, index);
            string? body;
            int end;
            if (string.CompareOrdinal(text, index, "{{!--", 0, 5) == 0)
            {
                end = text.IndexOf("--}}", index + 5, StringComparison.Ordinal);
                end = end < 0 ? -1 : end + 4;
                body = null;
            }
            else
            {
                var close = text.IndexOf("}}", index + 2, StringComparison.Ordinal);
                end = close < 0 ? -1 : close + 2;
                if (end > 0 && end < text.Length && text[end] == '}' && text[index + 2] == '{')
                {
                    end++;
                }

                body = close < 0 ? null : text[(index + 2)..close].Trim('{', '}', '~', ' ', '\t', '\r', '\n');
            }

            if (end < 0)
            {
                errors.Add($"{path}:{line}: '{{{{' is never closed with '}}}}'");
                return;
            }

            index = end;
            // Comments, and "{{^}}" (the short form of {{else}}), name no variable.
            if (body is null || body.StartsWith('!') || body == "^")
            {
                continue;
            }

            var inScope = stack.Any(b => ScopeBlocks.Contains(b.Name));
            switch (body[0])
            {
                case '#':
                case '^' when body.Length > 1:
                    var tokens = Tokens(body[1..]);
                    if (tokens.Count == 0)
                    {
                        errors.Add($"{path}:{line}: a block needs a helper name, e.g. {{{{#if x}}}}");
                        break;
                    }

                    var blockName = tokens[0];
                    if (body[0] == '#' && !helpers.Contains(blockName))
                    {
                        errors.Add($"{path}:{line}: unknown block helper '#{blockName}' (known: {string.Join(", ", helpers.Order(StringComparer.Ordinal))})");
                    }

                    CheckArguments(path, line, body[0] == '^' ? tokens : tokens.Skip(1), declared, helpers, inScope, errors);
                    stack.Push((blockName, line));
                    break;
                case '/':
                    var closing = body[1..].Trim();
                    if (stack.Count == 0)
                    {
                        errors.Add($"{path}:{line}: {{{{/{closing}}}}} closes a block that was never opened");
                    }
                    else if (stack.Peek().Name != closing)
                    {
                        var open = stack.Pop();
                        errors.Add($"{path}:{line}: {{{{/{closing}}}}} closes {{{{#{open.Name}}}}} opened on line {open.Line}");
                    }
                    else
                    {
                        stack.Pop();
                    }

                    break;
                case '>':
                    errors.Add($"{path}:{line}: partials ({{{{> ...}}}}) are not supported in prompt files");
                    break;
                default:
                    var parts = Tokens(body.StartsWith('&') ? body[1..] : body);
                    if (parts.Count > 0 && parts[0] == "else")
                    {
                        CheckArguments(path, line, parts.Skip(parts.Count > 1 && helpers.Contains(parts[1]) ? 2 : 1), declared, helpers, inScope, errors);
                    }
                    else if (parts.Count > 1)
                    {
                        if (!helpers.Contains(parts[0]))
                        {
                            errors.Add($"{path}:{line}: unknown helper '{parts[0]}' in {{{{{body}}}}}");
                        }

                        CheckArguments(path, line, parts.Skip(1), declared, helpers, inScope, errors);
                    }
                    else if (parts.Count == 1)
                    {
                        CheckArguments(path, line, parts, declared, helpers, inScope, errors);
                    }

                    break;
            }
        }

        foreach (var open in stack)
        {
            errors.Add($"{path}:{open.Line}: {{{{#{open.Name}}}}} is never closed with {{{{/{open.Name}}}}}");
        }
    }

    private static void CheckArguments(string path, int line, IEnumerable<string> tokens, HashSet<string> declared,
        IReadOnlySet<string> helpers, bool inScope, List<string> errors)
    {
        var afterParen = false;
        foreach (var token in tokens)
        {
            if (token == "(")
            {
                afterParen = true;
                continue;
            }

            if (afterParen)
            {
                afterParen = false;
                if (!helpers.Contains(token))
                {
                    errors.Add($"{path}:{line}: unknown helper '{token}' in a subexpression");
                }

                continue;
            }

            // Block parameters ({{#each items as |item|}}), closing parentheses and literals name no variable.
            if (token is "as" or ")" || token.StartsWith('|') || IsLiteral(token))
            {
                continue;
            }

            var expression = token.Contains('=', StringComparison.Ordinal) ? token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..] : token;
            if (expression.Length == 0 || IsLiteral(expression) || inScope || expression.StartsWith('@') || expression.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            var first = FirstSegment().Match(expression).Value.Trim('[', ']');
            if (first is "this" or "." or "" || declared.Contains(first))
            {
                continue;
            }

            errors.Add($"{path}:{line}: '{{{{{expression}}}}}' uses variable '{first}', which is not declared in input_variables");
        }
    }

    private static bool IsLiteral(string token) =>
        token.StartsWith('"') || token.StartsWith('\'') || token is "true" or "false" or "null" or "undefined" ||
        double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static List<string> Tokens(string body) => [.. TokenPattern().Matches(body).Select(m => m.Value)];

    private static int CountLines(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex("""
        "[^"]*"|'[^']*'|\(|\)|\|[^|]*\||[^\s()]+
        """)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^(\[[^\]]*\]|[^./\[]+|\.)")]
    private static partial Regex FirstSegment();
}
