//! The `corroborate` command-line tool: a thin layer over the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::render::{self, Format};
use corroborate::{Error, LoadOptions, Matcher, Report};

/// Compare news reports across outlets: events, quotes, speakers, facts,
/// agreements and discrepancies.
#[derive(Parser)]
#[command(name = "corroborate", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline and print events with their agreement,
    /// discrepancy and unique records.
    #[command(
        after_help = "Examples:\n  corroborate compare tests/fixtures/seeds\n  corroborate compare --format json reports.jsonl > out.json"
    )]
    Compare {
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Text)]
        format: OutFormat,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Report files (.txt, .json, .jsonl) or directories; `-` reads one
        /// plain-text report from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print what was found in each report: quotes, speakers, facts,
    /// statements.
    #[command(after_help = "Example:\n  corroborate extract --format json article.txt")]
    Extract {
        /// Output format (JSON only).
        #[arg(long, value_enum, default_value_t = JsonOnly::Json)]
        format: JsonOnly,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Report files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print only the grouping of reports into events.
    #[command(after_help = "Example:\n  corroborate events --format json reports/")]
    Events {
        /// Output format (JSON only).
        #[arg(long, value_enum, default_value_t = JsonOnly::Json)]
        format: JsonOnly,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Report files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Score statement pairs: FILE holds `left<TAB>right` lines; prints one
    /// similarity in [0, 1] per line.
    #[command(after_help = "Example:\n  corroborate score --pairs pairs.tsv")]
    Score {
        /// The pairs file (`-` for standard input).
        #[arg(long)]
        pairs: PathBuf,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    Json,
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum JsonOnly {
    Json,
}

/// Failures, with the exit code each maps to.
enum Failure {
    /// Bad input: exit 2.
    Input(Error),
    /// Could not write the output: exit 1.
    Output(PathBuf, std::io::Error),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(e)) => {
            eprintln!("corroborate: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Output(path, e)) => {
            eprintln!("corroborate: {}: cannot write: {e}", path.display());
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Compare {
            format,
            output,
            paths,
        } => {
            let reports = load(&paths)?;
            let comparison = corroborate::compare(&reports);
            let format = match format {
                OutFormat::Json => Format::Json,
                OutFormat::Text => Format::Text,
                OutFormat::Markdown => Format::Markdown,
                OutFormat::Html => Format::Html,
            };
            emit(output.as_deref(), &render::render(&comparison, format))
        }
        Command::Extract { output, paths, .. } => {
            let reports = load(&paths)?;
            let found: Vec<_> = reports.iter().map(corroborate::extract).collect();
            emit(output.as_deref(), &render::extraction_json(&found))
        }
        Command::Events { output, paths, .. } => {
            let reports = load(&paths)?;
            let events = corroborate::group_reports(&reports, &corroborate::EventConfig::default());
            let json = serde_json::json!({ "schema_version": corroborate::SCHEMA_VERSION, "events": events });
            emit(
                output.as_deref(),
                &serde_json::to_string_pretty(&json).unwrap_or_default(),
            )
        }
        Command::Score { pairs, output } => {
            let text = read_text(&pairs)?;
            let lines: Vec<(&str, &str)> = text
                .lines()
                .map(|l| l.split_once('\t').unwrap_or((l, "")))
                .collect();
            let matcher = Matcher::from_corpus(lines.iter().flat_map(|(a, b)| [*a, *b]));
            let mut out = String::with_capacity(lines.len() * 8);
            for (a, b) in lines {
                out.push_str(&format!("{:.6}\n", matcher.similarity(a, b)));
            }
            emit_raw(output.as_deref(), &out)
        }
    }
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|source| {
            Failure::Input(Error::Io {
                path: path.to_path_buf(),
                source,
            })
        })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| {
            Failure::Input(Error::Io {
                path: path.to_path_buf(),
                source,
            })
        })?
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(Error::NotUtf8 {
            origin: path.display().to_string(),
            offset: e.utf8_error().valid_up_to(),
        })
    })
}

fn load(paths: &[PathBuf]) -> Result<Vec<Report>, Failure> {
    let options = LoadOptions::default();
    let mut reports = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for file in corroborate::expand_paths(paths).map_err(Failure::Input)? {
        let items = if file.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|source| {
                Failure::Input(Error::Io {
                    path: file.clone(),
                    source,
                })
            })?;
            corroborate::parse_bytes("<stdin>", "stdin", "txt", buf, &options)
        } else {
            corroborate::read_file(&file, &options)
        }
        .map_err(Failure::Input)?;
        for (origin, report) in items {
            if let Some(first) = seen.insert(report.id.clone(), origin.clone()) {
                return Err(Failure::Input(Error::DuplicateId {
                    id: report.id,
                    first,
                    second: origin,
                }));
            }
            reports.push(report);
        }
    }
    Ok(reports)
}

fn emit(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit_raw(path, &text)
}

fn emit_raw(path: Option<&Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| Failure::Output(p.to_path_buf(), e)),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::Output(PathBuf::from("<stdout>"), e))
                }
                _ => Ok(()),
            }
        }
    }
}
