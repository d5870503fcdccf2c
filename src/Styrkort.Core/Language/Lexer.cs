using Styrkort.Core.Diagnostics;

namespace Styrkort.Core.Language;

public enum TokenKind { Number, String, Ident, Symbol, End }

public readonly record struct Token(TokenKind Kind, string Text, int Pos);

/// <summary>Splits an expression into tokens; reports the offset of anything it cannot read.</summary>
public static class Lexer
{
    private static readonly string[] Symbols = ["<=", ">=", "!=", "<>", "+", "-", "*", "/", "(", ")", ",", ".", "=", "<", ">"];

    public static List<Token> Tokenize(string text, Func<int, SourceLocation> locate)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#') { while (i < text.Length && text[i] != '\n') i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i].Replace("_", "", StringComparison.Ordinal), start));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Ident, text[start..i], start));
                continue;
            }
            if (c is '\'' or '"')
            {
                var quote = c;
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new StyrkortException(locate(start), "unterminated string; expected a closing " + quote);
                    if (char.IsControl(text[i]) && text[i] is not ('\t' or '\n' or '\r'))
                        throw new StyrkortException(locate(i), $"the control character U+{(int)text[i]:X4} is not allowed in a string");
                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote) { sb.Append(quote); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                tokens.Add(new Token(TokenKind.String, sb.ToString(), start));
                continue;
            }
            var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
            if (symbol is null && char.IsControl(c))
                throw new StyrkortException(locate(i), $"the control character U+{(int)c:X4} is not allowed in a formula");
            if (symbol is null)
                throw new StyrkortException(locate(i), $"unexpected character '{c}'; expected a name, a number, a 'string' or an operator");
            tokens.Add(new Token(TokenKind.Symbol, symbol, i));
            i += symbol.Length;
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}
