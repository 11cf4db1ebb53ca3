//! Integration tests through the built binary, one module per topic. Every run of the binary
//! goes through [`support::Test`], which clears the environment and asserts exit code, stdout
//! and stderr. The cases of tests/cmd/ are data: see `cases`.

mod areas;
mod builder;
mod cases;
mod check;
mod cost;
mod diagnostics_lang;
mod documents;
mod done_undo;
mod escaping;
mod examples;
mod fetch;
mod future;
mod git;
mod git_user;
mod help;
mod hostile;
mod list;
mod loader_findings;
mod log;
mod merge;
mod new_schema_man;
mod outcomes;
mod polish;
mod readme;
mod report;
mod sealed;
mod site;
mod status;
mod support;
mod swedish;
mod swedish_commands;
mod swedish_record;
mod targets;
mod truth;
mod truth_kinds;
mod twice;
mod undo;
mod validate;
mod window_limit;
