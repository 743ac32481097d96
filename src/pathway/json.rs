//! A small JSON reader and writer, and the typed reading of definitions,
//! answers and saved records from it.
//!
//! Written by hand rather than with serde and serde_json: their generic
//! deserializers, instantiated for every type of the definition format, were a
//! fifth of the widget's WebAssembly. A tree of [`Json`] values read by plain
//! functions costs a fraction of that, and locates every error by its path in
//! the document (`questions[4].type`) in the widget as well as natively.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Nesting deeper than this is refused, so hostile input cannot exhaust the
/// stack (serde_json's limit too).
const MAX_DEPTH: u32 = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits in an `i64`.
    Int(i64),
    /// Any other number (a fraction, an exponent, too large), kept as written:
    /// nothing in the formats takes one, so it is only ever reported.
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, its members in document order.
    Obj(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: &'static str,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column (in characters) of the problem, from 1.
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl Json {
    /// Parses a complete JSON text.
    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
        let result = p.value().and_then(|v| {
            p.space();
            if p.i < p.s.len() {
                Err("trailing characters")
            } else {
                Ok(v)
            }
        });
        result.map_err(|message| {
            // An error inside a multi-byte character (after a backslash, say)
            // is reported at the character's start.
            let mut at = p.i.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            SyntaxError { message, line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
        })
    }

    /// The compact JSON text of the value.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// What kind of value this is, for error messages (`string "one"`).
    pub(crate) fn describe(&self) -> String {
        match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => format!("boolean `{b}`"),
            Json::Int(n) => format!("integer `{n}`"),
            Json::Num(n) => format!("number `{n}`"),
            Json::Str(s) => format!("string {s:?}"),
            Json::Arr(_) => "a list".to_owned(),
            Json::Obj(_) => "an object".to_owned(),
        }
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

type Step<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.space();
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.i += 1;
        }
        found
    }

    fn value(&mut self) -> Step<Json> {
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'{') | Some(b'[') => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err("recursion limit exceeded");
                }
                let v = if self.s[self.i] == b'{' { self.object() } else { self.array() };
                self.depth -= 1;
                v
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, v) in [("null", Json::Null), ("true", Json::Bool(true)), ("false", Json::Bool(false))] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                Err("expected value")
            }
        }
    }

    fn array(&mut self) -> Step<Json> {
        self.i += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Json::Arr(items));
            }
            if !self.eat(b',') {
                return Err(if self.peek().is_none() { "EOF while parsing a list" } else { "expected `,` or `]`" });
            }
        }
    }

    fn object(&mut self) -> Step<Json> {
        self.i += 1;
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Json::Obj(members));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("key must be a string"),
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err("expected `:`");
            }
            members.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Json::Obj(members));
            }
            if !self.eat(b',') {
                return Err(if self.peek().is_none() { "EOF while parsing an object" } else { "expected `,` or `}`" });
            }
        }
    }

    fn number(&mut self) -> Step<Json> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while let Some(b'0'..=b'9') = p.s.get(p.i) {
                p.i += 1;
            }
            p.i > from
        };
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        let int_start = self.i;
        if !digits(self) {
            return Err("invalid number");
        }
        if self.s[int_start] == b'0' && self.i - int_start > 1 {
            return Err("invalid number");
        }
        let mut whole = true;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            whole = false;
            if !digits(self) {
                return Err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if !digits(self) {
                return Err("invalid number");
            }
        }
        // The slice is ASCII digits and signs, so always valid UTF-8.
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or_default();
        Ok(match text.parse::<i64>() {
            Ok(n) if whole => Json::Int(n),
            _ => Json::Num(text.to_owned()),
        })
    }

    fn hex4(&mut self) -> Step<u32> {
        let hex = self.s.get(self.i..self.i + 4).ok_or("EOF while parsing a string")?;
        let mut n = 0;
        for &b in hex {
            n = n * 16 + (b as char).to_digit(16).ok_or("invalid escape")?;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Step<String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            match self.s.get(self.i) {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    // Only whole UTF-8 sequences of valid input and encoded
                    // chars were copied, so this cannot fail; no panic either way.
                    return String::from_utf8(out).map_err(|_| "invalid unicode");
                }
                Some(b'\\') => {
                    self.i += 1;
                    let escape = self.s.get(self.i).copied().ok_or("EOF while parsing a string")?;
                    self.i += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut n = self.hex4()?;
                            if (0xD800..0xDC00).contains(&n) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err("lone leading surrogate in hex escape");
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err("lone leading surrogate in hex escape");
                                }
                                n = 0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00);
                            }
                            char::from_u32(n).ok_or("lone trailing surrogate in hex escape")?
                        }
                        _ => return Err("invalid escape"),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                Some(_) => return Err("control character (\\u0000-\\u001F) found while parsing a string"),
            }
        }
    }
}

/// Where a value sits in a document, built up while reading and turned into
/// text (`pathways[0].requirements[1].met_when`) only when there is an error.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of a member of the object at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// An error at this path.
    pub fn error(&self, message: impl Into<String>) -> ReadError {
        super::error::Issue { path: self.to_string(), message: message.into() }
    }

    fn invalid(&self, found: &Json, expected: &str) -> ReadError {
        self.error(format!("invalid type: {}, expected {expected}", found.describe()))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("."),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(Path::Root, i) => write!(f, "[{i}]"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A JSON document that does not have the expected shape: what is wrong and
/// where (`.` for the document itself). The same shape as a validation
/// [`Issue`](super::Issue): both are a problem at a path of the document.
pub type ReadError = super::error::Issue;

/// Parses a text and reads a typed value from it. Syntax errors are located
/// by line and column, at the document's path `.`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, ReadError> {
    let json = Json::parse(text).map_err(|e| Path::Root.error(e.to_string()))?;
    T::read(json, Path::Root)
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    /// Reads the value found at `at`.
    fn read(v: Json, at: Path) -> Result<Self, ReadError>;
}

/// A type written as a JSON value.
pub trait ToJson {
    /// The value.
    fn to_json(&self) -> Json;
}

impl FromJson for String {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        match v {
            Json::Str(s) => Ok(s),
            other => Err(at.invalid(&other, "a string")),
        }
    }
}

impl FromJson for bool {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        match v {
            Json::Bool(b) => Ok(b),
            other => Err(at.invalid(&other, "a boolean")),
        }
    }
}

impl FromJson for i64 {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        match v {
            Json::Int(n) => Ok(n),
            other => Err(at.invalid(&other, "a whole number")),
        }
    }
}

/// Whole numbers that must not be negative (versions, counts).
fn natural(v: Json, at: Path) -> Result<u64, ReadError> {
    match v {
        Json::Int(n) if n >= 0 => Ok(n as u64),
        other => Err(at.invalid(&other, "a whole number, 0 or more")),
    }
}

impl FromJson for u32 {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let n = natural(v, at)?;
        u32::try_from(n).map_err(|_| at.error(format!("number {n} is too large")))
    }
}

impl FromJson for usize {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        let n = natural(v, at)?;
        usize::try_from(n).map_err(|_| at.error(format!("number {n} is too large")))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        match v {
            Json::Arr(items) => items.into_iter().enumerate().map(|(i, item)| T::read(item, Path::Index(&at, i))).collect(),
            other => Err(at.invalid(&other, "a list")),
        }
    }
}

impl FromJson for BTreeSet<String> {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        Vec::<String>::read(v, at).map(|items| items.into_iter().collect())
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        match v {
            Json::Obj(members) => members
                .into_iter()
                .map(|(key, value)| {
                    let item = T::read(value, at.key(&key))?;
                    Ok((key, item))
                })
                .collect(),
            other => Err(at.invalid(&other, "an object")),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn read(v: Json, at: Path) -> Result<Self, ReadError> {
        T::read(v, at).map(Box::new)
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Json {
        Json::Obj(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

impl ToJson for BTreeSet<String> {
    fn to_json(&self) -> Json {
        Json::Arr(self.iter().map(ToJson::to_json).collect())
    }
}

/// The members of an object being read into a struct: each field taken once,
/// unknown and repeated fields refused, as a strict format should.
pub struct Fields<'a> {
    members: Vec<(String, Json)>,
    at: Path<'a>,
}

impl<'a> Fields<'a> {
    /// Opens the object at `at`, which may only have the `allowed` fields.
    pub fn open(v: Json, at: Path<'a>, allowed: &[&str]) -> Result<Self, ReadError> {
        let Json::Obj(members) = v else { return Err(at.invalid(&v, "an object")) };
        for (i, (key, _)) in members.iter().enumerate() {
            if !allowed.contains(&key.as_str()) {
                let expected = one_of(allowed.iter().copied());
                return Err(at.key(key).error(format!("unknown field `{key}`, expected one of {expected}")));
            }
            if members[..i].iter().any(|(k, _)| k == key) {
                return Err(at.key(key).error(format!("duplicate field `{key}`")));
            }
        }
        Ok(Fields { members, at })
    }

    /// Opens the object at `at`, letting any other fields through (for
    /// records that later versions may extend).
    pub fn open_any(v: Json, at: Path<'a>) -> Result<Self, ReadError> {
        match v {
            Json::Obj(members) => Ok(Fields { members, at }),
            other => Err(at.invalid(&other, "an object")),
        }
    }

    /// A field's value as it is, to be read by hand (enums written as strings).
    pub fn take_raw(&mut self, key: &str) -> Option<Json> {
        let i = self.members.iter().position(|(k, _)| k == key)?;
        Some(self.members.swap_remove(i).1)
    }

    /// A field that must be present.
    pub fn req<T: FromJson>(&mut self, key: &str) -> Result<T, ReadError> {
        match self.take_raw(key) {
            Some(v) => T::read(v, self.at.key(key)),
            None => Err(self.at.error(format!("missing field `{key}`"))),
        }
    }

    /// A field that may be absent or `null`.
    pub fn opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, ReadError> {
        match self.take_raw(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => T::read(v, self.at.key(key)).map(Some),
        }
    }

    /// A field that takes its default value when absent or `null`.
    pub fn or_default<T: FromJson + Default>(&mut self, key: &str) -> Result<T, ReadError> {
        self.opt(key).map(Option::unwrap_or_default)
    }
}

/// The names an error message offers instead: `` `a`, `b`, `c` ``.
pub(crate) fn one_of<'n>(names: impl Iterator<Item = &'n str>) -> String {
    names.map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// Reads one of a set of names (an enum written as a string).
pub fn variant<T: Copy>(v: Json, at: Path, names: &[(&str, T)]) -> Result<T, ReadError> {
    let Json::Str(s) = v else { return Err(at.invalid(&v, "a string")) };
    names.iter().find(|(name, _)| *name == s).map(|(_, t)| *t).ok_or_else(|| {
        let expected = one_of(names.iter().map(|(n, _)| *n));
        at.error(format!("unknown variant `{s}`, expected one of {expected}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_and_write_back_compactly() {
        let text = r#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d\"\\\n\u00e9\ud83d\ude00"}} "#;
        let v = Json::parse(text).unwrap();
        assert_eq!(v.to_string(), "{\"a\":[1,-2,3.5,1e3,true,false,null],\"b\":{\"c\":\"d\\\"\\\\\\né😀\"}}");
        assert_eq!(Json::parse(&v.to_string()).unwrap(), v);
    }

    #[test]
    fn control_characters_are_escaped_when_written() {
        assert_eq!(Json::Str("a\u{1}b\t".into()).to_string(), r#""a\u0001b\t""#);
    }

    #[test]
    fn malformed_texts_are_refused_with_their_line_and_column() {
        for (text, message) in [
            ("", "EOF while parsing a value"),
            ("{", "EOF while parsing an object"),
            ("[1,", "EOF while parsing a value"),
            ("[1 2]", "expected `,` or `]`"),
            ("{\"a\" 1}", "expected `:`"),
            ("{a: 1}", "key must be a string"),
            ("01", "invalid number"),
            ("-", "invalid number"),
            ("1.", "invalid number"),
            ("\"abc", "EOF while parsing a string"),
            ("\"\\x\"", "invalid escape"),
            // Found by the fuzzer: an escape of a multi-byte character.
            ("\"\\’", "invalid escape"),
            ("\"\\ud800\"", "lone leading surrogate in hex escape"),
            ("\"\\udc00\"", "lone trailing surrogate in hex escape"),
            ("\"a\nb\"", "control character (\\u0000-\\u001F) found while parsing a string"),
            ("nul", "expected value"),
            ("{} x", "trailing characters"),
        ] {
            assert_eq!(Json::parse(text).unwrap_err().message, message, "{text:?}");
        }
        assert_eq!(Json::parse("\"\\’").unwrap_err().column, 3, "located at the character, not inside it");
        let e = Json::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
    }

    #[test]
    fn deep_nesting_is_refused_rather_than_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(Json::parse(&deep).unwrap_err().message, "recursion limit exceeded");
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(Json::parse(&ok).is_ok());
    }

    #[test]
    fn numbers_that_are_not_whole_or_too_large_are_kept_as_written() {
        assert_eq!(Json::parse("9223372036854775807").unwrap(), Json::Int(i64::MAX));
        assert_eq!(Json::parse("9223372036854775808").unwrap(), Json::Num("9223372036854775808".into()));
        assert_eq!(Json::parse("-0").unwrap(), Json::Int(0));
        assert_eq!(Json::parse("2e0").unwrap(), Json::Num("2e0".into()));
    }

    #[test]
    fn typed_reading_names_the_path_and_what_was_found() {
        let v = Json::parse(r#"{"a": [{"b": "x"}, {"b": 3}]}"#).unwrap();
        let mut f = Fields::open(v, Path::Root, &["a"]).unwrap();
        let items: Json = f.take_raw("a").unwrap();
        let at = Path::Root;
        let err = Vec::<BTreeMap<String, i64>>::read(items, at.key("a")).unwrap_err();
        assert_eq!(err.to_string(), r#"a[0].b: invalid type: string "x", expected a whole number"#);
    }

    #[test]
    fn unknown_repeated_and_missing_fields_are_refused() {
        let open = |t: &str| Fields::open(Json::parse(t).unwrap(), Path::Root, &["id", "n"]);
        assert_eq!(open(r#"{"id": "a", "x": 1}"#).err().unwrap().to_string(), "x: unknown field `x`, expected one of `id`, `n`");
        assert_eq!(open(r#"{"id": "a", "id": "b"}"#).err().unwrap().to_string(), "id: duplicate field `id`");
        let mut f = open(r#"{"n": null}"#).unwrap();
        assert_eq!(f.req::<String>("id").unwrap_err().to_string(), ".: missing field `id`");
        assert_eq!(f.opt::<u32>("n").unwrap(), None);
        assert_eq!(u32::read(Json::Int(-1), Path::Root).unwrap_err().message, "invalid type: integer `-1`, expected a whole number, 0 or more");
    }
}
