"""The seller's database and files on disk: schema, sessions, audit events, backups,
private and atomic writes."""
