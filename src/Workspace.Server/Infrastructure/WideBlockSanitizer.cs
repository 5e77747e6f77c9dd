using System.Text;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Sanitises the HTML of one Markdown block in which an element has very many children (a list of 50,000 items,
/// a table of 20,000 rows, a paragraph of 40,000 emphases) piece by piece. The sanitiser walks siblings through
/// their index in the parent, so n children of one element cost n² (seconds for one block of 200,000 characters);
/// here no sanitiser call sees more than <see cref="NodesPerPiece"/> siblings.
/// <para>
/// Markdig's HTML (raw HTML disabled) is a tree of balanced tags whose text and attribute values are escaped, so
/// it is cut without an HTML parser: every '&lt;' opens a tag that ends at the next '&gt;'. If that does not hold
/// the block is not cut (<see cref="Parse"/> answers null) and is sanitised whole, as before.
/// </para>
/// <para>
/// Every piece goes through the same sanitiser, parsed as the content of its real parent (rows in a tbody, items in
/// a list), and an element with many children is written as its own sanitised open tag (the sanitiser's output for
/// it without children, minus the end tag), its children's pieces and its end tag. Each piece is serialised from
/// a DOM that holds only allowed elements and attributes, none raw text, every one closed, so the joined output is
/// as safe as one sanitiser call over the whole block, and the same bytes.
/// </para>
/// </summary>
internal static class WideBlockSanitizer
{
    /// <summary>An element with more children than this (text nodes included) is sanitised in pieces.</summary>
    public const int NodesPerPiece = 128;

    private static readonly HashSet<string> VoidElements =
        new(["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"],
            StringComparer.Ordinal);

    /// <summary>
    /// An element or a text of the block's HTML: [Start, End) in it; an element's open tag ends at OpenEnd.
    /// Wide: the element, or one below it, has more than <see cref="NodesPerPiece"/> children.
    /// </summary>
    internal sealed class Node
    {
        public int Start;
        public int OpenEnd;
        public int End;
        public string Name = "";
        public List<Node>? Children;
        public bool Wide;
    }

    /// <summary>
    /// Whether a block of HTML with this many '&lt;' can hold an element with too many children: each child but the
    /// texts is a tag, and texts alternate with tags. A cheap test, so that ordinary blocks are never parsed here.
    /// </summary>
    public static bool MayBeWide(int tagCount) => (2 * tagCount) + 1 > NodesPerPiece;

    /// <summary>The block's tree, or null if the HTML is not a balanced tree of tags (then not cut).</summary>
    public static Node? Parse(string html)
    {
        var root = new Node { Name = "body", Children = [] };
        var open = new Stack<Node>();
        open.Push(root);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt != i)
            {
                var end = lt < 0 ? html.Length : lt;
                open.Peek().Children!.Add(new Node { Start = i, End = end });
                i = end;
                continue;
            }
            var gt = html.IndexOf('>', lt);
            if (gt < 0 || gt == lt + 1)
            {
                return null;
            }
            if (html[lt + 1] == '/')
            {
                var element = open.Pop();
                if (open.Count == 0 || gt - lt - 2 != element.Name.Length
                    || string.CompareOrdinal(html, lt + 2, element.Name, 0, element.Name.Length) != 0)
                {
                    return null;
                }
                element.End = gt + 1;
                element.Wide |= element.Children!.Count > NodesPerPiece;
                open.Peek().Wide |= element.Wide;
            }
            else
            {
                var element = new Node { Start = lt, OpenEnd = gt + 1, Name = TagName(html, lt + 1, gt) };
                if (element.Name.Length == 0)
                {
                    return null;
                }
                open.Peek().Children!.Add(element);
                if (html[gt - 1] == '/' || VoidElements.Contains(element.Name))
                {
                    element.End = gt + 1;
                }
                else
                {
                    element.Children = [];
                    open.Push(element);
                }
            }
            i = gt + 1;
        }
        root.Wide |= root.Children.Count > NodesPerPiece;
        return open.Count == 1 ? root : null;
    }

    /// <summary>
    /// The block sanitised in pieces; <paramref name="sanitizeIn"/>(html, parent tag name) sanitises a fragment as
    /// the content of an element of that name.
    /// </summary>
    public static string Sanitize(string html, Node root, Func<string, string, string> sanitizeIn)
    {
        var output = new StringBuilder(html.Length);
        WriteChildren(html, root, sanitizeIn, output);
        return output.ToString();
    }

    private static void WriteChildren(
        string html, Node parent, Func<string, string, string> sanitizeIn, StringBuilder output)
    {
        var pieceStart = 0;
        var pieceEnd = 0;
        var pieceCount = 0;
        foreach (var child in parent.Children!)
        {
            if (child.Wide)
            {
                Flush();
                WriteWide(html, child, parent.Name, sanitizeIn, output);
                continue;
            }
            if (pieceCount == 0)
            {
                pieceStart = child.Start;
            }
            pieceEnd = child.End;
            if (++pieceCount == NodesPerPiece)
            {
                Flush();
            }
        }
        Flush();

        void Flush()
        {
            if (pieceCount > 0)
            {
                output.Append(sanitizeIn(html[pieceStart..pieceEnd], parent.Name));
            }
            pieceCount = 0;
        }
    }

    private static void WriteWide(
        string html, Node element, string parentName, Func<string, string, string> sanitizeIn, StringBuilder output)
    {
        // The open tag is sanitised as the element without children, in its parent; if the sanitiser dropped the
        // element (not an allowed tag), its children are written without it, as KeepChildNodes would.
        var endTag = $"</{element.Name}>";
        var alone = sanitizeIn(html[element.Start..element.OpenEnd] + endTag, parentName);
        var kept = alone.StartsWith("<" + element.Name, StringComparison.Ordinal)
            && alone.EndsWith(endTag, StringComparison.Ordinal);
        if (kept)
        {
            output.Append(alone, 0, alone.Length - endTag.Length);
        }
        WriteChildren(html, element, sanitizeIn, output);
        if (kept)
        {
            output.Append(endTag);
        }
    }

    private static string TagName(string html, int from, int to)
    {
        var end = from;
        while (end < to && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }
        return html[from..end].ToLowerInvariant();
    }
}
