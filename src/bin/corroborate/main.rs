//! The `corroborate` command-line tool: a thin layer over the library.

mod progress;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::render::{self, Format, Options};
use corroborate::{Error, InputFormat, LoadOptions, Matcher, Report, Skipped};
use rayon::prelude::*;

use progress::Progress;

/// The exit codes, for every subcommand's help.
macro_rules! exit_codes {
    () => {
        "Exit codes:\n  \
         0  success (with --keep-going: at least one report was read)\n  \
         1  internal error, or the output could not be written\n  \
         2  bad input: unreadable, not UTF-8, invalid JSON or date, empty report,\n     \
         report over --max-report-bytes, duplicate id, unsupported file, bad\n     \
         arguments; a one-line error names the file (and the line for JSONL)"
    };
}

/// What the PATH arguments may be.
macro_rules! input_help {
    () => {
        "Input: files (.txt plain text, .json one report or an array, .jsonl one\n\
         report per line) or directories (their such files, by name); `-` reads\n\
         standard input (plain text unless --stdin-format says otherwise).\n\
         A JSON report: {\"id\", \"text\", \"outlet\"?, \"published\"? (YYYY-MM-DD),\n\
         \"title\"?, \"url\"?, \"event\"?}; reports with the same \"event\" are one event.\n\n"
    };
}

/// Examples for the top-level help.
macro_rules! examples {
    () => {
        "Examples:\n  \
         corroborate compare tests/fixtures/seeds\n  \
         corroborate compare --format html -o seeds.html tests/fixtures/seeds\n  \
         corroborate extract --format json article.txt\n  \
         corroborate schema compare\n\n\
         Each subcommand has its own --help with examples.\n\n"
    };
}

/// Compare news reports across outlets: which cover the same event, who
/// said what, and where the outlets agree and differ.
#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about,
    after_help = concat!(examples!(), input_help!(), exit_codes!())
)]
struct Cli {
    /// No progress on standard error (warnings and errors are still shown).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline: events, with their agreement, discrepancy
    /// and unique records.
    #[command(after_help = concat!(
        "Examples:\n",
        "  corroborate compare tests/fixtures/seeds\n",
        "  corroborate compare --format html -o seeds.html tests/fixtures/seeds\n",
        "  corroborate compare --format json reports.jsonl > comparison.json\n",
        "  corroborate compare --format markdown --keep-going inbox/ > draft.md\n",
        "  corroborate compare --one-event story/\n",
        "  cat article.txt | corroborate compare - other.txt\n\n",
        input_help!(),
        exit_codes!()
    ))]
    Compare {
        /// Output format: JSON for programs (schema: `corroborate schema
        /// compare`), JSON Lines with one event per line (as the JSON's
        /// `events`, for a pipeline), text for a terminal, Markdown for a
        /// draft, HTML for a browser (one self-contained file). JSON and
        /// JSON Lines are written an event at a time as they are aligned.
        #[arg(long, short, value_enum, default_value_t = OutFormat::Text)]
        format: OutFormat,
        /// Colour in text output: auto (when standard output is a terminal
        /// and NO_COLOR is not set), always or never.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// All the reports are one event: compare them with each other
        /// without grouping (for coverage of one story gathered by hand).
        #[arg(long)]
        one_event: bool,
        /// Print the time each stage took on standard error.
        #[arg(long)]
        timing: bool,
        #[command(flatten)]
        out: Output,
        #[command(flatten)]
        input: Input,
    },
    /// Print what was found in each report: quotes and their speakers,
    /// facts, statements, with byte offsets.
    #[command(after_help = concat!(
        "Examples:\n",
        "  corroborate extract --format json article.txt\n",
        "  corroborate extract tests/fixtures/seeds -o found.json\n\n",
        input_help!(),
        exit_codes!()
    ))]
    Extract {
        /// Output format (JSON only; schema: `corroborate schema extract`).
        #[arg(long, short, value_enum, default_value_t = JsonOnly::Json)]
        format: JsonOnly,
        #[command(flatten)]
        out: Output,
        #[command(flatten)]
        input: Input,
    },
    /// Print only the grouping of reports into events.
    #[command(after_help = concat!(
        "Examples:\n",
        "  corroborate events --format json reports/\n",
        "  corroborate events --keep-going inbox/*.json\n\n",
        "Reports with different \"event\" fields are never one event; --one-event\n",
        "puts all the reports in one event (and ignores the field).\n\n",
        input_help!(),
        exit_codes!()
    ))]
    Events {
        /// Output format (JSON only; schema: `corroborate schema events`).
        #[arg(long, short, value_enum, default_value_t = JsonOnly::Json)]
        format: JsonOnly,
        /// All the reports are one event (no grouping).
        #[arg(long)]
        one_event: bool,
        #[command(flatten)]
        out: Output,
        #[command(flatten)]
        input: Input,
    },
    /// Score statement pairs: FILE holds `left<TAB>right` lines; prints one
    /// similarity in [0, 1] per line, in order.
    #[command(after_help = concat!(
        "Examples:\n",
        "  corroborate score --pairs pairs.tsv\n",
        "  printf 'Prices rose.\\tPrices went up.\\n' | corroborate score --pairs -\n\n",
        "Exit codes:\n  0  success\n  1  internal error, or the output could not be written\n  2  the pairs file cannot be read or is not UTF-8"
    ))]
    Score {
        /// The pairs file (`-` for standard input).
        #[arg(long, value_name = "FILE")]
        pairs: PathBuf,
        #[command(flatten)]
        out: Output,
    },
    /// Print the JSON Schema of an output: compare, extract or events.
    #[command(
        after_help = "Examples:\n  corroborate schema compare > compare.schema.json\n  corroborate schema events"
    )]
    Schema {
        /// Which output.
        #[arg(value_enum)]
        which: SchemaName,
        #[command(flatten)]
        out: Output,
    },
}

#[derive(Args)]
struct Input {
    /// Report files (.txt, .json, .jsonl) or directories; `-` reads
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Skip files that cannot be read (not UTF-8, invalid JSON, empty,
    /// duplicate id…) with a warning each, go on with the others, and list
    /// them in the output; in a JSONL file, only the bad line is skipped.
    #[arg(long, short = 'k')]
    keep_going: bool,
    /// How to read `-`: txt (one plain-text report, id `stdin`), json or
    /// jsonl.
    #[arg(long, value_enum, default_value_t = StdinFormat::Txt, value_name = "FORMAT")]
    stdin_format: StdinFormat,
    /// Refuse a report whose text is larger than SIZE: bytes, or with a
    /// suffix K, M or G (powers of 1024). A larger report is bad input
    /// (skipped with --keep-going).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_report_bytes: usize,
    /// Refuse inputs past SIZE in all (bytes, or K, M, G): files that
    /// would pass it are bad input (skipped with --keep-going), so a
    /// mistaken path to a whole archive fails before it fills memory.
    #[arg(long, value_name = "SIZE", default_value = "16G", value_parser = parse_size)]
    max_total_bytes: usize,
}

/// A size in bytes: `1000`, `512K`, `64M`, `1G` (powers of 1024).
fn parse_size(arg: &str) -> Result<usize, String> {
    let arg = arg.trim();
    let split = arg.find(|c: char| !c.is_ascii_digit()).unwrap_or(arg.len());
    let (digits, suffix) = arg.split_at(split);
    let shift = match suffix.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown unit {suffix:?} (expected K, M or G)")),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("{arg:?} is not a size (expected e.g. 1000, 512K, 64M)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{arg} is too large"))
}

#[derive(Args)]
struct Output {
    /// Write to FILE instead of standard output (`-` for standard output).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

impl Output {
    /// The file to write, `None` for standard output.
    fn file(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Json,
    Jsonl,
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum JsonOnly {
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum StdinFormat {
    Txt,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaName {
    Compare,
    Extract,
    Events,
}

/// Failures, with the exit code each maps to.
enum Failure {
    /// Bad input: exit 2.
    Input(Error),
    /// With --keep-going, no file could be read: exit 2.
    NothingRead(usize),
    /// Could not write the output: exit 1.
    Output(PathBuf, std::io::Error),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    std::panic::set_hook(Box::new(|info| {
        eprintln!("corroborate: internal error: {info}");
    }));
    let mut progress = Progress::new(cli.quiet);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run(cli.command, &mut progress)
    }));
    progress.finish();
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Failure::Input(e))) => {
            eprintln!("corroborate: {e}");
            if matches!(e, Error::TooLarge { .. }) {
                eprintln!("corroborate: --max-report-bytes raises the limit");
            }
            ExitCode::from(2)
        }
        Ok(Err(Failure::NothingRead(n))) => {
            eprintln!(
                "corroborate: no report could be read ({n} {} skipped)",
                if n == 1 { "file" } else { "files" }
            );
            ExitCode::from(2)
        }
        Ok(Err(Failure::Output(path, e))) => {
            eprintln!("corroborate: {}: cannot write: {e}", path.display());
            ExitCode::from(1)
        }
        // The hook has printed the message.
        Err(_) => ExitCode::from(1),
    }
}

fn run(command: Command, progress: &mut Progress) -> Result<(), Failure> {
    match command {
        Command::Compare {
            format,
            color,
            one_event,
            timing,
            out,
            input,
        } => {
            let (reports, skipped) = load(&input, progress)?;
            progress.stage(
                &format!(
                    "comparing {} report{}",
                    reports.len(),
                    if reports.len() == 1 { "" } else { "s" }
                ),
                None,
            );
            let config = corroborate::CompareConfig {
                events: event_config(one_event),
                ..corroborate::CompareConfig::default()
            };
            let mut stream = corroborate::compare_stream(&reports, &config);
            let report_timing = |progress: &mut Progress, stages: &[(&str, Duration)]| {
                for (stage, took) in stages.iter().filter(|_| timing) {
                    progress.warn(&format!("{stage}: {:.3} s", took.as_secs_f64()));
                }
            };
            let before = stream.timings().len();
            report_timing(progress, stream.timings());
            let jsonl = matches!(format, OutFormat::Jsonl);
            let (format, colored) = match format {
                OutFormat::Json | OutFormat::Jsonl => (Format::Json, false),
                OutFormat::Text => (Format::Text, use_color(color, &out)),
                OutFormat::Markdown => (Format::Markdown, false),
                OutFormat::Html => (Format::Html, false),
            };
            let mut options = Options::new().reports(&reports).color(colored);
            if input.keep_going {
                options = options.skipped(&skipped);
            }
            let result = emit_with(&out, |w| {
                if jsonl {
                    render::write_events_jsonl(w, &mut stream)
                } else {
                    render::write_stream(w, &mut stream, format, &options)
                }
            });
            progress.finish();
            // The time spent aligning, apart from the writing.
            report_timing(progress, &stream.timings()[before..]);
            result
        }
        Command::Extract { out, input, .. } => {
            let (reports, skipped) = load(&input, progress)?;
            progress.stage("extracting", Some(reports.len() as u64));
            let found: Vec<_> = reports
                .par_iter()
                .map(|r| {
                    let found = corroborate::extract(r);
                    progress.step();
                    found
                })
                .collect();
            progress.finish();
            let mut options = Options::new();
            if input.keep_going {
                options = options.skipped(&skipped);
            }
            emit_with(&out, |w| render::write_extraction_json(w, &found, &options))
        }
        Command::Events {
            one_event,
            out,
            input,
            ..
        } => {
            let (reports, skipped) = load(&input, progress)?;
            progress.stage("grouping into events", None);
            let events = corroborate::group_reports(&reports, &event_config(one_event));
            progress.finish();
            let mut options = Options::new();
            if input.keep_going {
                options = options.skipped(&skipped);
            }
            emit_with(&out, |w| render::write_events_json(w, &events, &options))
        }
        Command::Score { pairs, out } => {
            let text = read_text(&pairs)?;
            let lines: Vec<(&str, &str)> = text
                .lines()
                .map(|l| l.split_once('\t').unwrap_or((l, "")))
                .collect();
            let matcher = Matcher::from_corpus(lines.iter().flat_map(|(a, b)| [*a, *b]));
            let mut scores = String::with_capacity(lines.len() * 9);
            for (a, b) in lines {
                scores.push_str(&format!("{:.6}\n", matcher.similarity(a, b)));
            }
            emit_raw(&out, &scores)
        }
        Command::Schema { which, out } => emit_raw(
            &out,
            match which {
                SchemaName::Compare => render::COMPARE_SCHEMA,
                SchemaName::Extract => render::EXTRACT_SCHEMA,
                SchemaName::Events => render::EVENTS_SCHEMA,
            },
        ),
    }
}

/// The grouping settings: the default, or everything one event.
fn event_config(one_event: bool) -> corroborate::EventConfig {
    corroborate::EventConfig {
        one_event,
        ..corroborate::EventConfig::default()
    }
}

/// Colour for text on standard output: asked for, or a terminal without
/// NO_COLOR (https://no-color.org) and not TERM=dumb.
fn use_color(choice: ColorChoice, out: &Output) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            out.file().is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let io = |source| {
        Failure::Input(Error::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(io)?;
        buf
    } else {
        std::fs::read(path).map_err(io)?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(Error::NotUtf8 {
            origin: path.display().to_string(),
            offset: e.utf8_error().valid_up_to(),
        })
    })
}

/// Reads every report. Without --keep-going the first bad file is the
/// error; with it, bad files are skipped with a warning each and returned.
fn load(input: &Input, progress: &mut Progress) -> Result<(Vec<Report>, Vec<Skipped>), Failure> {
    let options = LoadOptions {
        max_report_bytes: input.max_report_bytes,
        keep_going: input.keep_going,
        stdin_format: match input.stdin_format {
            StdinFormat::Txt => InputFormat::Text,
            StdinFormat::Json => InputFormat::Json,
            StdinFormat::Jsonl => InputFormat::Jsonl,
        },
        max_total_bytes: u64::try_from(input.max_total_bytes).unwrap_or(u64::MAX),
    };
    progress.stage("reading", None);
    let loaded = corroborate::load_with(&input.paths, &options).map_err(Failure::Input)?;
    progress.finish();
    for s in &loaded.skipped {
        progress.warn(&format!("corroborate: skipping {}", s.error));
    }
    if loaded.reports.is_empty() && !loaded.skipped.is_empty() {
        return Err(Failure::NothingRead(loaded.skipped.len()));
    }
    Ok((loaded.reports, loaded.skipped))
}

/// Writes through `write` to the output file or standard output, as the
/// writer produces it: a large JSON document is never held whole.
fn emit_with(
    out: &Output,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match out.file() {
        Some(p) => std::fs::File::create(p)
            .and_then(|mut f| write(&mut f))
            .map_err(|e| Failure::Output(p.to_path_buf(), e)),
        None => match write(&mut std::io::stdout().lock()) {
            // A closed pipe (`| head`) is not an error worth reporting.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Failure::Output(PathBuf::from("<stdout>"), e))
            }
            _ => Ok(()),
        },
    }
}

fn emit_raw(out: &Output, text: &str) -> Result<(), Failure> {
    match out.file() {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure::Output(p.to_path_buf(), e)),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::Output(PathBuf::from("<stdout>"), e))
                }
                _ => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("0"), Ok(0));
        for bad in ["", "M", "12 parsecs", "-5", "1.5M", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
