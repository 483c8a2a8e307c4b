// Run by the e2e web server after seeding, before the server starts: the attendance journeys run at whatever hour
// and weekday CI happens to run, so the demo's schedule is opened to every day with check-in and check-out windows
// across the whole day, and no holiday falls in the coming week. Lateness is then whatever the clock says; the
// journeys assert what a check-in records, not how late it is.
import Database from "better-sqlite3";

const db = new Database(process.env.DATABASE_PATH ?? "./data/kawan.db");
const everyDay = JSON.stringify(Array.from({ length: 7 }, () => ({ startMinute: 450, endMinute: 960 })));
db.prepare("update work_schedules set days = ?, check_in_opens_minute = 0, check_in_closes_minute = 1439, check_out_opens_minute = 0, check_out_closes_minute = 1439").run(everyDay);
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
db.prepare("delete from holidays where date between date(?, '-1 day') and ?").run(today, inAWeek);
db.close();
