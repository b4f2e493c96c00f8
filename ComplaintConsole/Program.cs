using ComplaintConsole.Admin;
using ComplaintConsole.Api;
using ComplaintConsole.Board;
using ComplaintConsole.Components;
using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Identity;
using ComplaintConsole.Intake;
using ComplaintConsole.Management;
using ComplaintConsole.Operations;
using ComplaintConsole.Realtime;
using ComplaintConsole.Sla;

var builder = WebApplication.CreateBuilder(args);

// The one configuration file is the repository's root appsettings.json, copied beside the binaries;
// environment variables and the command line still override it.
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddApi(builder.Configuration);
builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddConsoleIdentity();
builder.Services.AddRealtime();
builder.Services.AddSla(builder.Configuration);
builder.Services.AddIntake(builder.Configuration);
builder.Services.AddDesks();
builder.Services.AddConsoleUi();
builder.Services.AddBoard(builder.Configuration);
builder.Services.AddManagement();
builder.Services.AddAdmin();
builder.Services.AddOperations(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapApiV1().MapDeadlineEndpoints().MapClosureEndpoints().MapIntake();
app.MapConsoleIdentity();
app.MapRealtime();
app.MapDesks();
app.MapBoard();
app.MapManagement();
app.MapConsoleUi();
app.MapOperations();

app.Run();

public partial class Program;
