using System.CommandLine;
using Styrkort.Core.Diagnostics;

namespace Styrkort.Cli;

/// <summary>The command line: one command per job, each in its own file.</summary>
public static class Commands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Styrkort — goal and KPI follow-up (målstyrning)");
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(SieCommand.Create());
        root.Subcommands.Add(RatiosCommand.Create());
        root.Subcommands.Add(MarginCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        return root;
    }

    /// <summary>Runs a command body; input errors are printed with their location and give exit code 1.</summary>
    public static int Guard(Func<int> body)
    {
        // Plain text on stderr: error lines must not be wrapped or decorated, scripts and editors read them.
        var err = Console.Error;
        try
        {
            return body();
        }
        catch (InputErrorsException e)
        {
            err.WriteLine($"error: the input was refused, nothing was changed ({e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")} shown):");
            foreach (var error in e.Errors) err.WriteLine($"  {error}");
            return 1;
        }
        catch (StyrkortException e) when (e.Errors.Count > 1)
        {
            FindingsOutput.Errors(err, e);
            return 1;
        }
        catch (StyrkortException e)
        {
            err.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (ArgumentException e)
        {
            err.WriteLine("error: " + e.Message);
            return 2;
        }
    }
}
