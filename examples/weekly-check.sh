#!/usr/bin/env bash
# Weekly check for cron: mails only when something needs attention.
#
# crontab line (Mondays 07:00):
#   0 7 * * 1  PLEDGE_DIR=/srv/medborgarloften/pledges /usr/local/bin/weekly-check.sh bra@kommun.se
#
# `pledge check` prints nothing and exits 0 when all is well, one line per finding and exit 1
# otherwise, exit 2 when a file is invalid or cannot be read. MAIL_COMMAND (default: mail)
# is called as `$MAIL_COMMAND -s SUBJECT RECIPIENT` with the body on standard input.
set -u
recipient=${1:?usage: weekly-check.sh RECIPIENT}
mail_command=${MAIL_COMMAND:-mail}
pledge=${PLEDGE:-pledge}

body=$("$pledge" check 2>&1)
status=$?
case $status in
  0) exit 0 ;;
  1) subject="Medborgarlöften: $(printf '%s\n' "$body" | wc -l | tr -d ' ') saker att följa upp" ;;
  *) subject="Medborgarlöften: pledge check kunde inte läsa alla filer" ;;
esac
printf '%s\n' "$body" | $mail_command -s "$subject" "$recipient"
