using Spectre.Console.Cli;

namespace Tariffscope.Cli;

/// <summary>Every command of `tariffscope`, in one place. Each capability registers its own branch.</summary>
public static class CommandRegistry
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tariffscope");
        config.ValidateExamples();
        // capability registrations (one line each)
        Controls.ControlsBranch.Register(config);
    }
}
