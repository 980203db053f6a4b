//! HTML pages to article text with lol_html, streaming: no DOM, no recursion, so
//! deeply nested or malformed markup costs only memory linear in its size.
//!
//! What is kept: the text of the page, minus [`DROP_TAGS`] and elements whose `class`
//! or `id` contains one of [`DROP_CLASS_WORDS`] (not `html`, `body`, `article` and
//! `main`, which sites tag with words like `comments-open`). When `<article>`,
//! `<main>`, `[role=main]` or `[itemprop=articleBody]` holds a fair share of the text
//! (a third, or 1,000 bytes), only that is kept. Block elements ([`BLOCK_TAGS`]) end
//! paragraphs (`\n`); table cells are separated by a space. Character references are
//! decoded, runs of white space (NBSP included) collapse to one space, and the result
//! goes through the general text pass ([`crate::clean::clean_text`]).
//!
//! Metadata read on the way: `og:title`/`<title>`, `og:site_name`, `og:url` or the
//! canonical link, and the publication date from `article:published_time` and similar
//! meta tags, JSON-LD `datePublished`, or `<time datetime>` (preferring one marked as
//! the publication date, then one inside the article).

use crate::entities::{Decoded, decode_all, decode_at};
use lol_html::html_content::{Element, TextChunk};
use lol_html::{ElementContentHandlers, HandlerResult, HtmlRewriter, Selector, Settings, doc_text};
use pw_model::Diagnostic;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// Elements whose content is never article text.
pub const DROP_TAGS: &[&str] = &[
    "head", "title", "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "template", "textarea", "object", "embed", "canvas",
    "dialog",
];

/// Substrings of `class`/`id` values that mark page furniture (compared ignoring case).
pub const DROP_CLASS_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "cookie",
    "consent",
    "advert",
    "promo",
    "sponsor",
    "breadcrumb",
    "menu",
    "sidebar",
    "navbar",
    "masthead",
    "popup",
    "modal",
    "paywall",
    "signup",
    "recommend",
    "most-read",
    "trending",
    "tags",
];

/// Elements that end a paragraph.
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "main",
    "pre",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "fieldset",
    "caption",
    "center",
];

/// A paragraph break in the raw buffer (never in decoded text: NUL is dropped).
const BREAK: char = '\u{0}';
/// A cell separator in the raw buffer.
const CELL: char = '\u{1}';

/// Metadata and text of one HTML page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// The raw publication date value from the page, not yet parsed.
    pub published: Vec<String>,
    /// The raw language values the page gives, in order of preference, not yet normalized.
    pub languages: Vec<String>,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Default)]
struct State {
    all: String,
    article: String,
    chunk_dropped: bool,
    /// How many furniture elements (by class or id) are open.
    furniture_depth: usize,
    chunk_in_article: bool,
    title: String,
    title_done: bool,
    og_title: Option<String>,
    site_name: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    /// Dates by priority: meta tags, JSON-LD, marked `<time>`, article `<time>`, any `<time>`.
    dates: [Option<String>; 5],
    json_ld: String,
    /// Languages by priority: `<html lang>`, `og:locale`, content-language, `language`.
    languages: [Option<String>; 4],
}

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none()
        && let Some(value) = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    {
        *slot = Some(value);
    }
}

fn drop_selector() -> String {
    let mut selector = DROP_TAGS.join(", ");
    selector.push_str(
        ", [hidden], [aria-hidden=\"true\"], [role=\"navigation\"], [role=\"complementary\"]",
    );
    selector
}

/// Tags never dropped for their class or id (sites tag them `comments-open` and the like).
const CLASS_EXEMPT_TAGS: &[&str] = &["html", "body", "article", "main"];

/// Whether an element's `class` or `id` marks it as page furniture.
fn furniture_element(el: &Element) -> bool {
    let tag = el.tag_name();
    if CLASS_EXEMPT_TAGS.contains(&tag.as_str()) {
        return false;
    }
    ["class", "id"].iter().any(|name| {
        el.get_attribute(name).is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            DROP_CLASS_WORDS.iter().any(|word| value.contains(word))
        })
    })
}

/// The selectors, parsed once per process (parsing them costs more than cleaning a
/// small page).
struct Selectors {
    dropped: Selector,
    classed: Selector,
    article: Selector,
    title: Selector,
    json_ld: Selector,
    block: Selector,
    cell: Selector,
    meta: Selector,
    canonical: Selector,
    html: Selector,
    time: Selector,
    article_time: Selector,
}

fn selectors() -> &'static Selectors {
    static SELECTORS: OnceLock<Selectors> = OnceLock::new();
    SELECTORS.get_or_init(|| {
        // The selectors are constants of this module; the unit tests parse every one.
        let parse = |text: &str| text.parse::<Selector>().expect("valid built-in selector");
        Selectors {
            dropped: parse(&drop_selector()),
            classed: parse("[class], [id]"),
            article: parse("article, main, [role=\"main\"], [itemprop=\"articleBody\"]"),
            title: parse("title"),
            json_ld: parse("script[type=\"application/ld+json\"]"),
            block: parse(&BLOCK_TAGS.join(", ")),
            cell: parse("td, th"),
            meta: parse("meta"),
            canonical: parse("link[rel=\"canonical\" i]"),
            html: parse("html"),
            time: parse("time[datetime]"),
            article_time: parse("article time[datetime], main time[datetime]"),
        }
    })
}

type Shared = Rc<RefCell<State>>;

fn on_text<'h>(
    selector: &'h Selector,
    state: &Shared,
    handler: impl Fn(&mut State, &TextChunk) + 'static,
) -> (Cow<'h, Selector>, ElementContentHandlers<'h>) {
    let state = state.clone();
    (
        Cow::Borrowed(selector),
        ElementContentHandlers::default().text(move |chunk: &mut TextChunk| {
            handler(&mut state.borrow_mut(), chunk);
            Ok(())
        }),
    )
}

fn on_element<'h>(
    selector: &'h Selector,
    state: &Shared,
    handler: impl Fn(&Shared, &mut Element) -> HandlerResult + 'static,
) -> (Cow<'h, Selector>, ElementContentHandlers<'h>) {
    let state = state.clone();
    (
        Cow::Borrowed(selector),
        ElementContentHandlers::default().element(move |el: &mut Element| handler(&state, el)),
    )
}

/// Runs lol_html over the page and collects raw (undecoded) text and metadata.
fn scan(html: &str, with_classes: bool) -> (State, Option<String>) {
    let sel = selectors();
    let state: Shared = Rc::new(RefCell::new(State::default()));
    let doc_state = state.clone();
    let mut settings = Settings::new()
        .append_element_content_handler(on_text(&sel.dropped, &state, |s, _| {
            s.chunk_dropped = true;
        }))
        .append_element_content_handler(on_text(&sel.article, &state, |s, _| {
            s.chunk_in_article = true;
        }))
        .append_element_content_handler(on_text(&sel.title, &state, |s, chunk| {
            if !s.title_done {
                s.title.push_str(chunk.as_str());
                s.title_done = chunk.last_in_text_node();
            }
        }))
        .append_element_content_handler(on_text(&sel.json_ld, &state, |s, chunk| {
            if s.json_ld.len() < 1 << 20 {
                s.json_ld.push_str(chunk.as_str());
            }
        }))
        .append_element_content_handler(on_element(&sel.block, &state, |state, el| {
            push_break(state, false);
            if el.can_have_content() {
                let state = state.clone();
                let handler: lol_html::EndTagHandler<'static> = Box::new(move |_end| {
                    push_break(&state, false);
                    Ok(())
                });
                el.on_end_tag(handler)?;
            }
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.cell, &state, |state, _| {
            push_break(state, true);
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.meta, &state, |state, el| {
            read_meta(&mut state.borrow_mut(), el);
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.canonical, &state, |state, el| {
            set_once(&mut state.borrow_mut().canonical, el.get_attribute("href"));
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.html, &state, |state, el| {
            let lang = el
                .get_attribute("lang")
                .or_else(|| el.get_attribute("xml:lang"));
            set_once(&mut state.borrow_mut().languages[0], lang);
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.time, &state, |state, el| {
            let marked = el.has_attribute("pubdate")
                || el
                    .get_attribute("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
                || el.get_attribute("class").is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("publish") || v.contains("posted")
                });
            let slot = if marked { 2 } else { 4 };
            set_once(
                &mut state.borrow_mut().dates[slot],
                el.get_attribute("datetime"),
            );
            Ok(())
        }))
        .append_element_content_handler(on_element(&sel.article_time, &state, |state, el| {
            set_once(
                &mut state.borrow_mut().dates[3],
                el.get_attribute("datetime"),
            );
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |chunk| {
            let mut state = doc_state.borrow_mut();
            let dropped = state.chunk_dropped || state.furniture_depth > 0;
            let in_article = state.chunk_in_article;
            state.chunk_dropped = false;
            state.chunk_in_article = false;
            if !dropped {
                let text = chunk.as_str();
                push_text(&mut state.all, text);
                if in_article {
                    push_text(&mut state.article, text);
                }
            }
            Ok(())
        }));
    if with_classes {
        // Furniture by class or id: count open furniture elements. lol_html runs end
        // tag handlers also for elements closed implicitly by an ancestor's end tag.
        settings = settings.append_element_content_handler(on_element(
            &sel.classed,
            &state,
            |state, el| {
                if el.can_have_content() && furniture_element(el) {
                    state.borrow_mut().furniture_depth += 1;
                    let state = state.clone();
                    let handler: lol_html::EndTagHandler<'static> = Box::new(move |_end| {
                        let mut state = state.borrow_mut();
                        state.furniture_depth = state.furniture_depth.saturating_sub(1);
                        Ok(())
                    });
                    el.on_end_tag(handler)?;
                }
                Ok(())
            },
        ));
    }
    let error = {
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        match rewriter.write(html.as_bytes()) {
            Ok(()) => rewriter.end().err(),
            Err(error) => Some(error),
        }
        .map(|error| error.to_string())
    };
    let state = Rc::try_unwrap(state)
        .map(RefCell::into_inner)
        .unwrap_or_else(|shared| shared.borrow_mut().take_all());
    (state, error)
}

impl State {
    fn take_all(&mut self) -> State {
        std::mem::take(self)
    }
}

fn push_break(state: &Rc<RefCell<State>>, cell: bool) {
    let mut state = state.borrow_mut();
    let state = &mut *state;
    let mark = if cell { CELL } else { BREAK };
    for buffer in [&mut state.all, &mut state.article] {
        if !buffer.ends_with(mark) {
            buffer.push(mark);
        }
    }
}

fn push_text(buffer: &mut String, text: &str) {
    if memchr::memchr2(0, 1, text.as_bytes()).is_some() {
        buffer.extend(
            text.chars()
                .map(|c| if c == BREAK || c == CELL { ' ' } else { c }),
        );
    } else {
        buffer.push_str(text);
    }
}

const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

fn read_meta(state: &mut State, el: &Element) {
    if el
        .get_attribute("http-equiv")
        .is_some_and(|v| v.eq_ignore_ascii_case("content-language"))
    {
        set_once(&mut state.languages[2], el.get_attribute("content"));
        return;
    }
    let key = el
        .get_attribute("property")
        .or_else(|| el.get_attribute("name"))
        .or_else(|| el.get_attribute("itemprop"));
    let Some(key) = key.map(|k| k.to_ascii_lowercase()) else {
        return;
    };
    let content = el.get_attribute("content").map(|c| decode_all(&c));
    match key.as_str() {
        "og:title" => set_once(&mut state.og_title, content),
        "og:site_name" => set_once(&mut state.site_name, content),
        "og:url" => set_once(&mut state.og_url, content),
        "og:locale" => set_once(&mut state.languages[1], content),
        "language" | "dc.language" | "content-language" => {
            set_once(&mut state.languages[3], content);
        }
        key if DATE_META.contains(&key) => set_once(&mut state.dates[0], content),
        _ => {}
    }
}

/// `datePublished` in JSON-LD, found by a plain scan (no JSON parse needed).
fn json_ld_date(json: &str) -> Option<String> {
    let at = json.find("\"datePublished\"")?;
    let rest = json[at + 15..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// `inLanguage` in JSON-LD when it is a string, found by a plain scan like the date.
fn json_ld_language(json: &str) -> Option<String> {
    let at = json.find("\"inLanguage\"")?;
    let rest = json[at + 12..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// Builds decoded text, holding back spaces and breaks until text follows them.
struct Writer {
    out: String,
    space: bool,
    paragraph: bool,
}

impl Writer {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.paragraph {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
        } else if self.space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.space = false;
        self.paragraph = false;
        self.out.push_str(text);
    }
}

/// Bytes that may start something other than plain text: `&`, ASCII white space, the
/// break marks, and lead bytes of NBSP (C2), typographic spaces and zero-width
/// characters (E2) and BOM (EF).
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b'&', b' ', b'\t', b'\n', b'\r', 0x0c, 0, 1, 0xc2, 0xe2, 0xef,
    ];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Decodes references, turns break marks into `\n` and collapses white space.
fn finish(raw: &str) -> String {
    let mut writer = Writer {
        out: String::with_capacity(raw.len()),
        space: false,
        paragraph: false,
    };
    let mut rest = raw;
    while !rest.is_empty() {
        // Bytes that may start something other than plain text: `&`, ASCII white
        // space, the break marks, and lead bytes of NBSP (C2), typographic spaces and
        // zero-width characters (E2), and BOM (EF).
        let special = rest.bytes().position(|b| SPECIAL[usize::from(b)]);
        let Some(at) = special else {
            writer.text(rest);
            break;
        };
        writer.text(&rest[..at]);
        rest = &rest[at..];
        // `rest` starts at an ASCII byte or a lead byte: a char boundary, never empty.
        let Some(ch) = rest.chars().next() else {
            break;
        };
        let mut len = ch.len_utf8();
        match ch {
            BREAK => writer.paragraph = true,
            CELL | ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}' | '\u{2002}' | '\u{2003}'
            | '\u{2009}' | '\u{202f}' => writer.space = true,
            '\u{200b}' | '\u{feff}' => {}
            '&' => match decode_at(rest) {
                Some((decoded, consumed)) => {
                    len = consumed;
                    match decoded {
                        Decoded::Char(c) if c.is_whitespace() => writer.space = true,
                        Decoded::Char(c) if c.is_control() => {}
                        Decoded::Char(c) => writer.text(c.encode_utf8(&mut [0u8; 4])),
                        Decoded::Str("\u{a0}") => writer.space = true,
                        Decoded::Str(s) => writer.text(s),
                    }
                }
                None => writer.text("&"),
            },
            _ => writer.text(&rest[..len]),
        }
        rest = &rest[len..];
    }
    writer.out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans one HTML page into text and metadata.
pub fn parse_page(html: &str) -> HtmlPage {
    let (mut state, mut error) = scan(html, true);
    let mut diagnostics = Vec::new();
    let mut text = pick_text(&state);
    if text.trim().is_empty() {
        // The class rules can misfire on odd sites (a body-wide wrapper called
        // `content-with-sidebar`); fall back to the tag rules alone.
        let (retry, retry_error) = scan(html, false);
        let retry_text = pick_text(&retry);
        if !retry_text.trim().is_empty() {
            diagnostics.push(Diagnostic::info(
                "html_class_rules_skipped",
                "class/id furniture rules removed all text; kept text by tag rules only",
            ));
            state = retry;
            text = retry_text;
            error = retry_error;
        }
    }
    if let Some(error) = error {
        diagnostics.push(Diagnostic::warning(
            "html_parse",
            format!("html parsing stopped early: {error}"),
        ));
    }
    let (text, clean_diagnostics) = crate::clean::clean_text(&text);
    diagnostics.extend(clean_diagnostics);
    let title = state
        .og_title
        .take()
        .or_else(|| Some(decode_all(&state.title)))
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty());
    let mut published = Vec::new();
    let json_ld = json_ld_date(&state.json_ld);
    for (index, slot) in state.dates.iter().enumerate() {
        if index == 1 {
            published.extend(json_ld.clone());
        }
        published.extend(slot.clone());
    }
    let mut languages: Vec<String> = state
        .languages
        .iter_mut()
        .filter_map(Option::take)
        .collect();
    languages.extend(json_ld_language(&state.json_ld));
    HtmlPage {
        title,
        site_name: state.site_name.take().map(|s| collapse(&s)),
        url: state.og_url.take().or(state.canonical.take()),
        published,
        languages,
        text,
        diagnostics,
    }
}

/// The article text when it holds a fair share of the page, else the whole page.
/// Compared on raw lengths, so that only the chosen buffer is decoded.
fn pick_text(state: &State) -> String {
    let article_len = state.article.trim().len();
    if article_len > 0 && (article_len * 3 >= state.all.trim().len() || article_len >= 1000) {
        let article = finish(&state.article);
        if !article.trim().is_empty() {
            return article;
        }
    }
    finish(&state.all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_drops_furniture() {
        let html = r#"<!doctype html><html><head><title>Ignored &amp; title</title>
            <meta property="og:title" content="Iran &amp; Bolivia sign pact">
            <meta property="og:site_name" content="Bolivar Observer">
            <meta property="article:published_time" content="2023-07-30T10:00:00-04:00">
            <style>p { color: red }</style></head>
            <body class="single comments-open"><nav><a href="/">Home</a> <a>World</a></nav>
            <header><h1>Site name</h1></header>
            <article class="post has-comments"><h1>Iran &amp; Bolivia sign pact</h1>
            <p>Iran and   Bolivia signed a <b>defense</b>&nbsp;memorandum&mdash;officials said.<br>Second line.</p>
            <script>var x = "<p>not text</p>";</script>
            <div class="share-buttons">Share on Facebook</div>
            <p>Read more: Other story</p>
            <table><tr><td>Cell A</td><td>Cell B</td></tr></table>
            </article>
            <div id="comments"><h3>Leave a comment</h3><form><textarea></textarea></form></div>
            <footer>Copyright</footer></body></html>"#;
        let page = parse_page(html);
        assert_eq!(
            page.text,
            "Iran & Bolivia sign pact\nIran and Bolivia signed a defense memorandum—officials said.\nSecond line.\nCell A Cell B"
        );
        assert_eq!(page.title.as_deref(), Some("Iran & Bolivia sign pact"));
        assert_eq!(page.site_name.as_deref(), Some("Bolivar Observer"));
        assert_eq!(
            page.published,
            vec!["2023-07-30T10:00:00-04:00".to_string()]
        );
        assert_eq!(page.diagnostics[0].code, "boilerplate_removed");
    }

    #[test]
    fn whole_body_without_article_and_title_fallback() {
        let page =
            parse_page("<title> Plain\n page </title><div>One</div><div>Two <i>three</i></div>");
        assert_eq!(page.text, "One\nTwo three");
        assert_eq!(page.title.as_deref(), Some("Plain page"));
        assert!(page.published.is_empty());
    }

    #[test]
    fn dates_from_json_ld_and_time() {
        let page = parse_page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2024-03-05T08:00:00Z"}</script>
            <aside><time datetime="2020-01-01">old</time></aside>
            <article><time datetime="2024-03-04">x</time><p>Body</p></article>"#,
        );
        assert_eq!(
            page.published,
            vec![
                "2024-03-05T08:00:00Z".to_string(),
                "2024-03-04".to_string(),
                "2020-01-01".to_string()
            ]
        );
        assert_eq!(page.text, "x\nBody");
    }

    #[test]
    fn class_rule_fallback() {
        let page = parse_page(r#"<div class="page-with-sidebar"><p>Only text here.</p></div>"#);
        assert_eq!(page.text, "Only text here.");
        assert_eq!(page.diagnostics[0].code, "html_class_rules_skipped");
    }
}
