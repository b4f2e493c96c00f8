using ComplaintConsole.Identity;
using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Tests.Identity;

public sealed class CircuitLimitTests
{
    [Fact]
    public void TryEnter_BeyondTheLimit_RefusedUntilOneLeaves()
    {
        var registry = new CircuitRegistry(Options.Create(new CircuitLimitOptions { MaxPerUser = 2 }));

        var first = registry.TryEnter("u", "c1");
        var second = registry.TryEnter("u", "c2");
        var third = registry.TryEnter("u", "c3");
        var otherUser = registry.TryEnter("v", "c4");
        registry.Leave("u", "c1");
        var thirdAgain = registry.TryEnter("u", "c3");

        Assert.True(first);
        Assert.True(second);
        Assert.False(third);
        Assert.True(otherUser);
        Assert.True(thirdAgain);
        Assert.Equal(2, registry.CountOf("u"));
    }

    [Fact]
    public void Start_MaxPerUserZero_FailsNamingTheKey()
    {
        using var app = new AppFactory();
        app.Settings["Circuits:MaxPerUser"] = "0";

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("MaxPerUser", error.Message);
    }
}
