import { databasePath, migrateDatabase, openDatabase } from "@/db";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Database migrated: ${file}`);
