//! Fuzz targets shared by cargo-fuzz (`fuzz/`, needs a nightly toolchain) and by the
//! stable mutation test (`tests/mutation.rs`, a fixed seed and a fixed number of
//! inputs, run by `cargo test`).
//!
//! Every target takes arbitrary bytes and panics only when an invariant breaks:
//! ingest of each format gives documents with some visible text, and their extraction
//! gives spans inside the text on character boundaries, with sentence indices that
//! exist; a search query is answered or refused with `Error::Query`, never anything
//! else; an API body is parsed or refused with a 4xx.

use pw_model::{Document, Extraction, Span};
use std::sync::{Mutex, OnceLock};

/// One fuzz target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    IngestText,
    IngestHtml,
    IngestFeed,
    IngestJsonLines,
    Query,
    ApiBody,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::IngestText,
        Target::IngestHtml,
        Target::IngestFeed,
        Target::IngestJsonLines,
        Target::Query,
        Target::ApiBody,
    ];

    /// Inputs the mutation loop starts from.
    pub fn seeds(self) -> Vec<Vec<u8>> {
        let text = "Iran and Bolivia signed a defense memorandum in Tehran on Monday, the \
            Bolivian Defense Minister Edmundo Novillo said. \"We are ready,\" he said.\n\n\
            Russia delivered two Su-35 fighter jets to Algeria on 2023-07-20.";
        let seeds: Vec<String> = match self {
            Target::IngestText => vec![text.to_string(), format!("WASHINGTON (Reuters) — {text}")],
            Target::IngestHtml => vec![format!(
                "<html><head><title>Pact</title><meta property=\"article:published_time\" \
                 content=\"2023-07-20T10:00:00Z\"></head><body><nav>Menu</nav><article>\
                 <p>{text}</p><p>Second <b>paragraph</b> &amp; more.</p></article></body></html>"
            )],
            Target::IngestFeed => vec![format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
                 <item><title>Pact</title><pubDate>Mon, 10 Feb 2025 10:00:00 +0000</pubDate>\
                 <description>{text}</description></item><item><guid>g2</guid>\
                 <description>&lt;p&gt;Second&lt;/p&gt;</description></item></channel></rss>"
            )],
            Target::IngestJsonLines | Target::ApiBody => vec![
                serde_json::json!({"text": text, "url": "https://x.test/2023/07/20/a",
                    "title": "Pact", "published": "2023-07-20"})
                .to_string(),
                serde_json::json!({"html": format!("<p>{text}</p>"), "id": 7}).to_string(),
            ],
            Target::Query => vec![
                "memorandum".to_string(),
                "(drone OR memorandum) -jets title:\"defense pact\"".to_string(),
                "text:Iran AND NOT Russia".to_string(),
            ],
        };
        seeds.into_iter().map(String::into_bytes).collect()
    }

    /// Runs the target on `data`; panics when an invariant does not hold.
    pub fn run(self, data: &[u8]) {
        match self {
            Target::IngestText => ingest("input.txt", data),
            Target::IngestHtml => ingest("input.html", data),
            Target::IngestFeed => ingest("input.xml", data),
            Target::IngestJsonLines => ingest("input.jsonl", data),
            Target::Query => query(data),
            Target::ApiBody => api_body(data),
        }
    }
}

fn extractor() -> &'static pw_extract::Extractor {
    static EXTRACTOR: OnceLock<pw_extract::Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(pw_extract::Extractor::new)
}

fn ingest(name: &str, data: &[u8]) {
    let options = pw_ingest::Options {
        max_file_bytes: 1 << 20,
        max_article_bytes: 1 << 20,
    };
    let output = pw_ingest::read_bytes(name, data, None, &options);
    for document in &output.documents {
        check_document(document);
    }
    for error in &output.errors {
        let message = error.to_string();
        assert!(
            !message.contains('\n'),
            "a message of one line: {message:?}"
        );
    }
}

/// Text with something visible in it, and an extraction whose spans fit the text.
pub fn check_document(document: &Document) {
    let text = &document.text;
    assert!(
        !text.trim().is_empty(),
        "a document with no text: {document:?}"
    );
    check_extraction(text, &extractor().extract(document));
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// Every span indexes the text; every sentence index exists.
pub fn check_extraction(text: &str, extraction: &Extraction) {
    let sentences = extraction.sentences.len();
    for &span in &extraction.sentences {
        check_span(text, span, "sentence");
    }
    for entity in &extraction.entities {
        for mention in &entity.mentions {
            check_span(text, mention.span, "mention");
            assert!(mention.sentence < sentences, "mention in no sentence");
        }
    }
    for event in &extraction.events {
        check_span(text, event.span, "event evidence");
        check_span(text, event.trigger_span, "event trigger");
        assert!(event.sentence < sentences, "event in no sentence");
    }
    for quote in &extraction.quotes {
        check_span(text, quote.span, "quote");
        assert!(quote.sentence < sentences, "quote in no sentence");
    }
}

fn store_folder() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("pw-fuzz-{}", std::process::id()))
}

/// Removes the folder of the query target's store (the store stays usable where the
/// system keeps open files, as Unix does); for the end of a test.
pub fn remove_query_store() {
    let _ = std::fs::remove_dir_all(store_folder());
}

/// A store of one article, opened once per process, that queries run against.
fn store() -> &'static Mutex<pw_store::SqliteStore> {
    static STORE: OnceLock<Mutex<pw_store::SqliteStore>> = OnceLock::new();
    STORE.get_or_init(|| {
        let folder = store_folder();
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("a temp folder");
        let mut store =
            pw_store::SqliteStore::open(folder.join("fuzz.db")).expect("a store for queries");
        let document = Document {
            text: String::from_utf8(Target::IngestText.seeds().remove(0)).expect("UTF-8"),
            ..Document::default()
        };
        let extraction = extractor().extract(&document);
        use pw_store::Store as _;
        store
            .put_articles(&[pw_store::NewArticle::new(document, extraction, None)])
            .expect("store the article");
        store.flush().expect("flush");
        Mutex::new(store)
    })
}

fn query(data: &[u8]) {
    use pw_store::Store as _;
    let text = String::from_utf8_lossy(data);
    let store = store()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for scope in [pw_store::Scope::Sentences, pw_store::Scope::Articles] {
        let query = pw_store::SearchQuery {
            scope,
            ..pw_store::SearchQuery::text(&text)
        };
        match store.search(&query) {
            Ok(_) | Err(pw_store::Error::Query { .. }) => {}
            Err(other) => panic!("query {text:?}: {other}"),
        }
    }
}

fn api_body(data: &[u8]) {
    match pw_serve::routes::articles::parse_article(data) {
        Ok(document) => check_document(&document),
        Err(error) => assert!(
            error.status.is_client_error(),
            "a body is refused with a 4xx, not {error}"
        ),
    }
}

/// A small deterministic generator (xorshift64*): the same seed gives the same inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Bytes that tend to matter to parsers: delimiters, quotes, operators, NUL, high bytes.
const INTERESTING: &[&[u8]] = &[
    b"(",
    b")",
    b"\"",
    b"<",
    b">",
    b"&",
    b";",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"*",
    b"\\",
    b"\x00",
    b"\xff",
    b"\xe2\x80",
    b"\xc3",
    b"\n",
    b"\r\n",
    b" AND ",
    b" OR ",
    b" NOT ",
    b"-",
    b"<p>",
    b"</p>",
    b"<![CDATA[",
    b"]]>",
    b"&amp;",
    b"&#x",
    b"<script>",
    b"\x1b[2J",
    b"\xe3\x80\x80",
    b"2023-07-30T25:61:99Z",
    b"text:",
    b"title:",
    b"\"text\": ",
    b"null",
    b"5",
];

/// One mutation of `input`: flip, insert, delete, duplicate or splice in an
/// interesting token; repeated a few times.
pub fn mutate(rng: &mut Rng, input: &[u8], max_len: usize) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let at = at.min(out.len() - 1);
                out[at] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next_u64() as u8),
            2 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(out.len())..end);
            }
            3 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                let copy = out[start..end].to_vec();
                let times = 1 + rng.below(8);
                for _ in 0..times {
                    let at = at.min(out.len());
                    out.splice(at..at, copy.iter().copied());
                }
            }
            _ => {
                let token = INTERESTING[rng.below(INTERESTING.len())];
                let at = at.min(out.len());
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out.truncate(max_len);
    out
}
