using System.Globalization;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>Computes a case with the C# engine, in the same canonical text form crosscheck.mjs prints.</summary>
public static class CSharpOracle
{
    public const string Error = "<error>";

    public static string Evaluate(CrossCase c)
    {
        try
        {
            return c.Kind switch
            {
                "apply" => Apply(c.Doc!, c.Op!),
                "transform" => TextType.Transform(c.Op!, c.Other!, c.Side == "left" ? Side.Left : Side.Right).ToJson(),
                "compose" => TextType.Compose(c.Op!, c.Other!).ToJson(),
                "position" => TextType.TransformPosition(c.Cursor!.Value, c.Op!).ToString(CultureInfo.InvariantCulture),
                "selection" => Selection(c),
                "invert" => TextType.Invert(c.Op!).ToJson(),
                "normalize" => c.Op!.ToJson(),
                "check" => TextOperation.TryParse(c.Raw!, out _, out _) ? "valid" : "invalid",
                _ => throw new InvalidOperationException($"unknown case kind {c.Kind}"),
            };
        }
        catch (OtException)
        {
            return Error;
        }
    }

    private static string Apply(string doc, TextOperation op)
    {
        var viaString = TextType.Apply(doc, op);
        var rope = new TextDocument(doc);
        rope.Apply(op);
        var viaRope = rope.ToString();
        // The rope must agree with the string implementation too; report it as a distinct answer if not.
        return viaRope == viaString ? viaString : $"<rope disagrees: {viaRope}>";
    }

    private static string Selection(CrossCase c)
    {
        var (anchor, head) = TextType.TransformSelection((c.Sel![0], c.Sel[1]), c.Op!);
        return string.Create(CultureInfo.InvariantCulture, $"{anchor},{head}");
    }
}
