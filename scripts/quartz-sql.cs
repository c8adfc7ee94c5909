// Prints the SQL Server schema script embedded in Quartz.dll (used by scripts/quartz-sql.sh).
#pragma warning disable IL2026 // loads Quartz.dll only to read one resource
using System.Reflection;
var asm = Assembly.LoadFrom(args[0]);

using var s = asm.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql")!;
using var r = new StreamReader(s);
Console.Write(r.ReadToEnd());
