#!/bin/sh
# The checks of a team's pledge repository on a forge, the same on GitHub Actions and GitLab
# CI (see github-workflow.yml and gitlab-ci.yml beside it, and the README's "Sharing the files
# through git"). Copy it into the repository as ci/pledge-ci.sh. Needs git and pledge
# (PLEDGE=/path/to/pledge, else pledge on the PATH), and the whole history (a deep clone).
#
#   pledge-ci.sh request TARGET SOURCE  a pull/merge request: its own commits, and the merge
#                                       the forge's button would make (git's line merge,
#                                       without pledge's driver), lose nothing and validate
#   pledge-ci.sh push BEFORE AFTER      the default branch after a push: nothing lost
#   pledge-ci.sh check                  what needs attention (exit 1 when something does)
#   pledge-ci.sh site OUT               the public site into OUT
#
# Exit 0: all is well; 1: an entry lost, a file invalid, a request the forge cannot merge
# (each named); 2: a usage error, or git or pledge could not run.
set -u
PLEDGE=${PLEDGE:-pledge}
status=0

# The runner's clone set up as everyone's is: a committed .gitattributes that does not give
# every pledge file the driver fails the job (setup would have had to add the line).
setup() {
    "$PLEDGE" -q git setup || exit 1
    top=$(git rev-parse --show-toplevel) || exit 2
    if ! git -C "$top" diff --quiet -- .gitattributes 2>/dev/null \
        || ! git -C "$top" ls-files --error-unmatch .gitattributes >/dev/null 2>&1; then
        echo ".gitattributes does not give every pledge file pledge's merge driver: run" \
            "\`pledge git setup\` in a clone and commit .gitattributes"
        status=1
    fi
}

case "${1:-}" in
request)
    [ $# -eq 3 ] || { echo "usage: $0 request TARGET SOURCE" >&2; exit 2; }
    target=$(git rev-parse --verify "$2^{commit}") || exit 2
    source=$(git rev-parse --verify "$3^{commit}") || exit 2
    base=$(git merge-base "$target" "$source") || exit 2
    setup
    echo "== the request's own commits"
    "$PLEDGE" verify-merge "$base" "$source" || status=1
    echo "== the merge the forge would make"
    tmp=$(mktemp -d) || exit 2
    trap 'git worktree remove --force "$tmp" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
    git worktree add -q --detach "$tmp" "$target" || exit 2
    # A forge merges by lines: pledge's driver, if this clone has it, is replaced by git's
    # own line merge (never by an empty command, which would keep one side silently).
    if ! (cd "$tmp" && git -c user.name=pledge-ci -c user.email=pledge-ci@localhost \
        -c "merge.pledge.driver=git merge-file -L ours -L base -L theirs %A %O %B" \
        merge -q --no-ff --no-edit "$source" >/dev/null); then
        (cd "$tmp" && git diff --name-only --diff-filter=U | sed 's/^/conflict: /')
        echo "the forge cannot merge this request: in a clone set up with \`pledge git setup\`," \
            "merge the target branch into it (git pull origin TARGET), push, and this runs again"
        exit 1
    fi
    (cd "$tmp" && "$PLEDGE" validate && "$PLEDGE" verify-merge HEAD) || status=1
    exit $status
    ;;
push)
    [ $# -eq 3 ] || { echo "usage: $0 push BEFORE AFTER" >&2; exit 2; }
    setup
    case "$2" in
    *[!0]*)
        if git merge-base --is-ancestor "$2" "$3"; then
            "$PLEDGE" verify-merge "$2" "$3" || status=1
        else
            echo "the branch was rewritten (a force push): entries of $2 may be gone;" \
                "compare it with $3 by hand (git diff $2 $3)"
            status=1
        fi
        ;;
    *) echo "a new branch: nothing to compare" ;;
    esac
    "$PLEDGE" validate || status=1
    exit $status
    ;;
check)
    exec "$PLEDGE" check
    ;;
site)
    [ $# -eq 2 ] || { echo "usage: $0 site OUT" >&2; exit 2; }
    exec "$PLEDGE" site "$2"
    ;;
*)
    sed -n '2,15p' "$0" >&2
    exit 2
    ;;
esac
