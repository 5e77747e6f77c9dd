using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.CrossCheck;

namespace Workspace.Collaboration.Tests;

public sealed class ShrinkerTests
{
    [Fact]
    public void ShrinkerReducesFailingCaseToItsEssence()
    {
        // A fake oracle that "fails" whenever an inserted 😀 lands after position 0.
        static bool Fails(CrossCase c) =>
            c.Op!.Components.Any(x => x.IsRetain)
                && c.Op.Components.Any(x => x.Text?.Contains("😀", StringComparison.Ordinal) == true);

        var big = new CrossCase(1, "apply", "abcdefghij", TextOperation.Parse("[2,{\"d\":3},\"xy😀z\",2,\"q\"]"));
        Assert.True(Fails(big));

        var small = Shrinker.Shrink(big, cs => [.. cs.Select(Fails)]);

        Assert.Equal("[1,\"😀\"]", small.Op!.ToJson());
        Assert.Equal("a", small.Doc);
    }
}
