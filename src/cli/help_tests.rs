//! Tests of the command line as a whole: every argument explained, every command with examples.

use clap::CommandFactory;

use super::Cli;

/// Every command and subcommand, with its path (`hookctl endpoints create`).
fn all_commands() -> Vec<(String, clap::Command)> {
    fn walk(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, format!("{path} {}", sub.get_name()), out);
        }
        out.push((path, cmd.clone()));
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, "hookctl".into(), &mut out);
    out
}

#[test]
fn every_argument_and_flag_has_a_one_line_help() {
    let mut missing = Vec::new();
    for (path, cmd) in all_commands() {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            if help.trim().is_empty() {
                missing.push(format!("{path} {}", arg.get_id()));
            }
        }
    }
    assert!(missing.is_empty(), "no help:\n{}", missing.join("\n"));
}

/// An example wrapped by the terminal cannot be copied and run: long ones continue after ` \`.
#[test]
fn every_example_line_fits_the_help_width() {
    let mut long = Vec::new();
    for (path, cmd) in all_commands() {
        let text = cmd.get_after_long_help().map(|h| h.to_string()).unwrap_or_default();
        // The help is wrapped at 100 columns (`max_term_width`).
        long.extend(text.lines().filter(|l| l.chars().count() > 100).map(|l| format!("{path}: {l}")));
    }
    assert!(long.is_empty(), "example lines wider than the help:\n{}", long.join("\n"));
}

#[test]
fn every_command_ends_its_long_help_with_examples() {
    let mut missing = Vec::new();
    for (path, cmd) in all_commands() {
        let text = cmd.get_after_long_help().map(|h| h.to_string()).unwrap_or_default();
        // `hookctl --help` ends with the exit codes, after its examples.
        let text = if path == "hookctl" {
            text.split("\n\nExit codes:").next().unwrap_or_default().to_string()
        } else {
            text
        };
        let examples = text.lines().filter(|l| l.trim_start().starts_with("hookctl ")).count();
        if !text.starts_with("Examples:") || !(2..=4).contains(&examples) {
            missing.push(format!("{path}: {examples} example(s)"));
        }
    }
    assert!(missing.is_empty(), "commands without 2-4 examples:\n{}", missing.join("\n"));
}

/// Shell words of a simple example line: spaces split, single and double quotes group.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, ' ') => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// The examples are real: each `hookctl …` line parses (up to a pipe or redirection).
#[test]
fn every_example_parses() {
    use clap::Parser;
    let mut bad = Vec::new();
    for (path, cmd) in all_commands() {
        let text = cmd.get_after_long_help().map(|h| h.to_string()).unwrap_or_default();
        // Long examples continue on the next line after ` \`, as in a shell.
        let text = text.replace(" \\\n", " ");
        for line in text.lines().map(str::trim).filter(|l| l.starts_with("hookctl ")) {
            let line =
                line.split([' ', '\t']).take_while(|w| !matches!(*w, "|" | "<" | ">")).collect::<Vec<_>>();
            let words = shell_words(&line.join(" "));
            if let Err(e) = Cli::try_parse_from(&words) {
                bad.push(format!("{path}: {words:?}: {}", e.render()));
            }
        }
    }
    assert!(bad.is_empty(), "examples that do not parse:\n{}", bad.join("\n"));
}

#[test]
fn shell_words_group_quotes() {
    assert_eq!(shell_words(r#"a 'b c' "d e" f''"#), ["a", "b c", "d e", "f"]);
}

/// Old spellings keep working; one body flag family on sign, verify and send.
#[test]
fn aliases_and_the_shared_body_flags_parse() {
    use super::Command;
    use clap::Parser;
    let parse = |args: &[&str]| Cli::try_parse_from(args);
    // send --timeout is the old name of --request-timeout.
    let Command::Send(send) =
        parse(&["hookctl", "send", "http://x.test/", "--timeout", "5s"]).unwrap().command
    else {
        panic!("send")
    };
    assert_eq!(send.request_timeout, std::time::Duration::from_secs(5));
    // test --data KEY=VALUE still parses (hidden; the command warns and uses it as --field).
    let Command::Test(test) =
        parse(&["hookctl", "test", "ep_1", "--data", "a=1", "--field", "b=2"]).unwrap().command
    else {
        panic!("test")
    };
    assert_eq!((test.old_data, test.fields), (vec!["a=1".to_string()], vec!["b=2".to_string()]));
    // The same body flags on the three signature commands; one of them at a time.
    for cmd in ["sign", "verify", "send http://x.test/"] {
        let mut args: Vec<&str> = vec!["hookctl"];
        args.extend(cmd.split(' '));
        for body in
            [&["--data", "{}"][..], &["--data", "@b.json"], &["--body-file", "b.json"], &["--body-file", "-"]]
        {
            let mut a = args.clone();
            a.extend(body);
            assert!(parse(&a).is_ok(), "{a:?}");
        }
        let mut both = args.clone();
        both.extend(["--data", "{}", "--body-file", "b.json"]);
        assert!(parse(&both).is_err(), "{both:?}");
    }
    // `auto` is not offered where it cannot work.
    for args in [
        &["hookctl", "sign", "--scheme", "auto", "--data", "{}"][..],
        &["hookctl", "send", "http://x.test/", "--scheme", "auto"],
    ] {
        let err = parse(args).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::InvalidValue, "{args:?}");
    }
    // --request-timeout is on every provider command (issue 16.22), provider replay included.
    assert!(parse(&["hookctl", "replay", "d_1", "--request-timeout", "5s"]).is_ok());
    assert!(parse(&["hookctl", "endpoints", "list", "--request-timeout", "5s"]).is_ok());
}

/// Every flag parsed by [`crate::duration::parse`] says its format in its help (a test, since
/// help is doc text).
#[test]
fn every_duration_flag_shows_its_format() {
    fn walk(cmd: &clap::Command, path: &str, found: &mut usize) {
        for arg in cmd.get_arguments() {
            // DURATION, and the sandbox's `--lag D|MIN..MAX` and `--retry-schedule LIST`.
            let durations = ["DURATION", "D|MIN..MAX"];
            let is_duration =
                arg.get_value_names().is_some_and(|v| v.iter().any(|n| durations.contains(&n.as_str())))
                    || (path.ends_with("sandbox") && arg.get_id() == "retry_schedule");
            if is_duration {
                *found += 1;
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    help.contains("(30s, 2m, 500ms; a bare number is seconds)"),
                    "{path} --{}: {help}",
                    arg.get_id()
                );
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }
    let mut found = 0;
    walk(&Cli::command(), "hookctl", &mut found);
    assert!(found >= 10, "{found} duration flags");
}
