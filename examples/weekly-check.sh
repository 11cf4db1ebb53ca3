#!/usr/bin/env bash
# Weekly check for cron: mails only when something needs attention.
#
# cron runs a job with a bare PATH (/usr/bin:/bin), which does not hold ~/.cargo/bin where
# `cargo install pledge` puts the program: set PATH in the crontab line (or PLEDGE to the
# program's full path). crontab line (Mondays 07:00):
#   0 7 * * 1  PATH=$HOME/.cargo/bin:/usr/local/bin:/usr/bin:/bin PLEDGE_DIR=/srv/medborgarloften/pledges /usr/local/bin/weekly-check.sh bra@kommun.se 7
#
# HORIZON (the second argument, default 7) is the days between runs: `pledge check --within
# HORIZON` reports a window that ended short of its count in the HORIZON days before the run,
# so a job run every HORIZON days mails each miss exactly once (weekly: 7; daily: 1).
#
# `pledge check` prints nothing and exits 0 when all is well, one line per finding and exit 1
# otherwise, exit 2 when a file is invalid or cannot be read. When pledge itself is not found
# (exit 127) or cannot run, the mail says that instead, and nothing was checked.
#
# The mail is UTF-8 (Content-Type: text/plain; charset=UTF-8, 8bit, an RFC 2047 encoded
# Subject), handed whole to SENDMAIL (default /usr/sbin/sendmail, which postfix, exim, msmtp
# and nullmailer all provide) as `$SENDMAIL -t -oi`. MAIL_FROM sets a From: header.
# Exit status: 0 when nothing was wrong or the findings were mailed; otherwise check's status
# (2: invalid files, 127: pledge not found), or the mailer's when mailing failed.
set -u
recipient=${1:?usage: weekly-check.sh RECIPIENT [HORIZON_DAYS]}
horizon=${2:-7}
case $horizon in
  '' | *[!0-9]*)
    echo "weekly-check.sh: HORIZON_DAYS must be a whole number of days (the days between runs), not \"$horizon\"" >&2
    exit 2
    ;;
esac
sendmail=${SENDMAIL:-/usr/sbin/sendmail}
pledge=${PLEDGE:-pledge}

# The subject as RFC 2047 encoded-words (UTF-8, base64), split between words so that no
# word and no character is cut and each header line stays within 76 characters.
encode_subject() {
  local LC_ALL=C # lengths in bytes
  local chunk="" word out="" sep=""
  local -a words
  read -r -a words <<<"$1"
  for word in "${words[@]}"; do
    if [ -n "$chunk" ] && [ $((${#chunk} + 1 + ${#word})) -gt 39 ]; then
      out+="$sep=?UTF-8?B?$(printf '%s ' "$chunk" | base64 | tr -d '\n')?="
      sep=$'\n '
      chunk=$word
    else
      chunk=${chunk:+$chunk }$word
    fi
  done
  printf '%s' "$out$sep=?UTF-8?B?$(printf '%s' "$chunk" | base64 | tr -d '\n')?="
}

send() { # SUBJECT BODY
  {
    if [ -n "${MAIL_FROM:-}" ]; then printf 'From: %s\n' "$MAIL_FROM"; fi
    printf 'To: %s\n' "$recipient"
    printf 'Subject: %s\n' "$(encode_subject "$1")"
    printf 'MIME-Version: 1.0\n'
    printf 'Content-Type: text/plain; charset=UTF-8\n'
    printf 'Content-Transfer-Encoding: 8bit\n\n'
    printf '%s\n' "$2"
  } | $sendmail -t -oi
}

if command -v "$pledge" >/dev/null 2>&1; then
  body=$("$pledge" check --within "$horizon" 2>&1)
  status=$?
else
  status=127
  body="Programmet pledge hittades inte: \"$pledge\" finns inte i PATH ($PATH).
Inga filer har kontrollerats. Sätt PATH i crontab-raden, till exempel
  PATH=\$HOME/.cargo/bin:/usr/local/bin:/usr/bin:/bin
eller PLEDGE till programmets hela sökväg."
fi
case $status in
  0) exit 0 ;;
  1)
    n=$(printf '%s\n' "$body" | wc -l | tr -d ' ')
    if [ "$n" = 1 ]; then things="1 sak"; else things="$n saker"; fi
    subject="Medborgarlöften: $things att följa upp"
    ;;
  2) subject="Medborgarlöften: pledge check hittade ogiltiga eller oläsbara filer" ;;
  126) subject="Medborgarlöften: programmet pledge kunde inte köras" ;;
  127) subject="Medborgarlöften: programmet pledge hittades inte" ;;
  *) subject="Medborgarlöften: pledge check misslyckades (status $status)" ;;
esac
if [ "$status" -ge 126 ]; then printf '%s\n' "$body" >&2; fi
send "$subject" "$body" || exit
if [ "$status" = 1 ]; then exit 0; fi
exit "$status"
