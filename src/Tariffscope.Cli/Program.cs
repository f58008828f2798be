using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli;
using Tariffscope.Cli.Common;

ConsoleWidth.Apply(AnsiConsole.Console);
var app = new CommandApp();
app.Configure(CommandRegistry.Configure);
return app.Run(args);
