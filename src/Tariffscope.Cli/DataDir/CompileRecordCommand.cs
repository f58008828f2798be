using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Cli.Common;
using Tariffscope.Data.Record;

namespace Tariffscope.Cli.DataDir;

public sealed class CompileRecordSettings : DataSettings
{
    [CommandArgument(0, "<SOURCE-FOLDER>")]
    [Description("The folder of official sources the recipe names: hts/ (USITC exports and revision lists) and lists/")]
    public string Folder { get; set; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write the record; default: record/us-record.bin in the data directory, which then answers instead of the built-in one")]
    public string? Out { get; set; }

    [CommandOption("--recipe <FILE>")]
    [Description("A recipe naming the sources (default: the recipe shipped with the tool, data/compiled/recipe.yaml)")]
    public string? Recipe { get; set; }
}

public sealed record CompileView(string Written, int Bytes, string Edition, int Revisions, int Lists, int ClaimTables, int Sources);

/// <summary>Compiles the official sources into a record (what ships as data/compiled/us-record.bin).</summary>
public sealed class CompileRecordCommand(IAnsiConsole console) : Command<CompileRecordSettings>
{
    public override int Execute(CommandContext context, CompileRecordSettings settings, CancellationToken cancellationToken) =>
        CommandOutput.Guard(() =>
        {
            if (!Directory.Exists(settings.Folder)) throw new DirectoryNotFoundException($"{settings.Folder}: no such folder of sources");
            var recipe = settings.Recipe is { } r ? RecordRecipe.Parse(File.ReadAllText(r), r) : RecordRecipe.BuiltIn();
            var output = settings.Out ?? BuiltInRecord.RecordFile(settings.ResolveDataDirectory());
            var bytes = RecordCompiler.Compile(settings.Folder, recipe, settings.Json ? null : step => console.MarkupLine($"[grey]{Markup.Escape(step)}[/]"));
            var record = BuiltInRecord.Read(bytes, output); // what was written must read back
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            var temp = output + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, output, overwrite: true);
            var view = new CompileView(output, bytes.Length, record.Edition, record.Revisions.Count, record.Lists.Count, record.ClaimTables.Count, record.Sources.Count);
            if (settings.Json) { CommandOutput.WriteJson(console, view); return 0; }
            console.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]: {view.Bytes:N0} bytes, edition {view.Edition}; {view.Revisions} revisions, {view.Lists} lists, {view.ClaimTables} claim tables, from {view.Sources} source files.");
            return 0;
        });
}
