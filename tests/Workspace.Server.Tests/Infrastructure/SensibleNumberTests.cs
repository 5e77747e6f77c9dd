using Workspace.Server.Infrastructure;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>What counts as a number people can enter: up to a trillion either way, at most six decimals.</summary>
public sealed class SensibleNumberTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.5)]
    [InlineData(0.000001)]
    [InlineData(12345678.123456)]
    [InlineData(2147483647.0)]
    [InlineData(1e12)]
    [InlineData(-1e12)]
    [InlineData(0.1 + 0.2)]
    public void TypedNumbersAreAccepted(double value) => Assert.True(Bounds.IsSensible(value), value.ToString("R"));

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-7)]
    [InlineData(0.1234567)]
    [InlineData(1e12 + 1)]
    [InlineData(-1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ExtremeNumbersAreRefused(double value) => Assert.False(Bounds.IsSensible(value), value.ToString("R"));

    [Fact]
    public void ABoardPositionMayBeAsFineAsHalvingMakesIt() =>
        Assert.True(Bounds.IsSensible(Math.Pow(2, -900), anyPrecision: true));
}
