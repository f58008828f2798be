using Spectre.Console.Cli;
using Tariffscope.Cli;

var app = new CommandApp();
app.Configure(CommandRegistry.Configure);
return app.Run(args);
