using Styrkort.Cli;

return Commands.Build().Parse(args).Invoke();
