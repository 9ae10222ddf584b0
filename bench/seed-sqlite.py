"""Seeds the SQLite database of bench/api-throughput.sh: N copies of a task created through the API.

    python3 bench/seed-sqlite.py <database> <template task id> <company id> <copies> <ids file>

Each copy gets its own id (stored the way EF Core stores a Guid in SQLite: upper-case text), its own title, status and
priority, and creation and update times a second apart (ticks, as the API stores them), as the PostgreSQL seed does; the
company's task counter is set to the new total, every company moves to the Pro plan, and a random sample of 2,000 ids is written for the get scenario.
"""
import sqlite3
import sys
import uuid

TICKS_PER_SECOND = 10_000_000

database, template, company, copies, ids_file = sys.argv[1], sys.argv[2].upper(), sys.argv[3].upper(), int(sys.argv[4]), sys.argv[5]
connection = sqlite3.connect(database, timeout=30)
columns = [row[1] for row in connection.execute("PRAGMA table_info(tasks)")]
row = dict(zip(columns, connection.execute("SELECT * FROM tasks WHERE upper(Id) = ?", (template,)).fetchone()))
names = ", ".join(f'"{c}"' for c in columns)
marks = ", ".join("?" for _ in columns)
with connection:
    connection.executemany(
        f"INSERT INTO tasks ({names}) VALUES ({marks})",
        ([{**row, "Id": str(uuid.uuid4()).upper(), "Title": f"Bench task {i}", "Status": i % 3, "Priority": i % 4,
           "CreatedAt": row["CreatedAt"] - i * TICKS_PER_SECOND, "UpdatedAt": row["UpdatedAt"] - i * TICKS_PER_SECOND}[c] for c in columns]
         for i in range(1, copies + 1)))
    connection.execute('UPDATE companies SET "TaskCount" = (SELECT count(*) FROM tasks WHERE upper("CompanyId") = ?) WHERE upper("Id") = ?', (company, company))
    connection.execute('UPDATE companies SET "PlanId" = ?', ("pro",))
with open(ids_file, "w") as out:
    for (task_id,) in connection.execute('SELECT "Id" FROM tasks WHERE upper("CompanyId") = ? ORDER BY random() LIMIT 2000', (company,)):
        out.write(task_id.lower() + "\n")
