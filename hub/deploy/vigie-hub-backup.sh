#!/bin/sh
# Vigie — one backup of the COPIL hub: the whole hub as JSON (`npm run -s hub -- export`, whether the hub
# runs or not) into a dated file, checked, then files older than VIGIE_BACKUP_KEEP_DAYS days removed.
#
#   VIGIE_HUB_DIR           where Vigie is installed (/opt/vigie)
#   VIGIE_BACKUP_DIR        where backups go (/var/lib/vigie-hub-backups)
#   VIGIE_BACKUP_KEEP_DAYS  how many days of backups to keep (14)
# plus the hub's own variables (HUB_DATA_DIR or DATABASE_URL…), as in /etc/vigie-hub.env.
#
# Restore into a fresh hub: npm run -s hub -- import /var/lib/vigie-hub-backups/vigie-hub-….json
set -eu

hub_dir=${VIGIE_HUB_DIR:-/opt/vigie}
backup_dir=${VIGIE_BACKUP_DIR:-/var/lib/vigie-hub-backups}
keep_days=${VIGIE_BACKUP_KEEP_DAYS:-14}
case $keep_days in '' | *[!0-9]* | 0) echo "VIGIE_BACKUP_KEEP_DAYS must be a number of days (1 or more), not '$keep_days'" >&2; exit 2 ;; esac

umask 077
mkdir -p "$backup_dir"
file="$backup_dir/vigie-hub-$(date -u +%Y-%m-%dT%H%M%SZ).json"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

cd "$hub_dir"
# -s: npm prints no banner, the file is the hub's JSON alone.
npm run -s hub -- export > "$partial"
# A backup that does not read back is no backup: the last good ones are kept, and the failure shows in the journal.
node -e '
  const backup = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  if (backup.format !== "vigie-hub-backup") throw new Error("not a hub backup");
  console.log(`${backup.members.length} members, ${backup.shares.length} shares`);
' "$partial" > "$partial.count"
count=$(cat "$partial.count")
rm -f "$partial.count"
mv "$partial" "$file"

# Files last written more than KEEP_DAYS days ago (find counts whole days: +13 is 14 days and more).
find "$backup_dir" -maxdepth 1 -type f -name 'vigie-hub-*.json' -mtime +"$((keep_days - 1))" -print -delete | sed 's/^/removed old backup /'
echo "backup written: $file ($count, $(wc -c < "$file") bytes)"
