//! Tests of the lexer and the parser. Expected error messages and positions
//! were taken from `go build` (Go 1.27) on the same inputs.

use super::*;
use crate::syntax::lexer::{Lexer, Tok};

// ----------------------------------------------------------------------
// Helpers

fn parse(src: &str) -> File {
    let mut id = 0;
    match parse_file("t.go", src.as_bytes(), 0, &mut id) {
        Ok(f) => f,
        Err(d) => panic!(
            "unexpected error {}:{}: {}\nsource:\n{}",
            d[0].pos.line, d[0].pos.col, d[0].msg, src
        ),
    }
}

fn err_of(src: &[u8]) -> String {
    let mut id = 0;
    match parse_file("t.go", src, 0, &mut id) {
        Ok(_) => "ok".into(),
        Err(d) => format!("{}:{}: {}", d[0].pos.line, d[0].pos.col, d[0].msg),
    }
}

fn err(src: &str) -> String {
    err_of(src.as_bytes())
}

fn ex(src: &str) -> String {
    let mut id = 0;
    match parse_expr(src.as_bytes(), &mut id) {
        Ok(x) => sx(&x),
        Err(d) => format!("error {}:{}: {}", d.pos.line, d.pos.col, d.msg),
    }
}

/// Statements of `func f() { <body> }`, as S-expressions, one per line.
fn body(src: &str) -> String {
    let f = parse(&format!("package p\nfunc f() {{\n{}\n}}\n", src));
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let v: Vec<String> = fd.body.as_ref().unwrap().stmts.iter().map(st).collect();
    v.join("\n")
}

fn opt(x: &Option<Box<Expr>>) -> String {
    x.as_ref().map(|x| sx(x)).unwrap_or_else(|| "_".into())
}

fn list(l: &[Expr]) -> String {
    l.iter().map(sx).collect::<Vec<_>>().join(" ")
}

fn params(ps: &[Param]) -> String {
    ps.iter()
        .map(|p| match &p.name {
            Some(n) => format!("({} {})", n.name, sx(&p.ty)),
            None => sx(&p.ty),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn sig(s: &FuncType) -> String {
    format!("(func ({}) ({}))", params(&s.params), params(&s.results))
}

/// An S-expression of an expression.
fn sx(x: &Expr) -> String {
    match &x.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::BasicLit { kind, raw, bytes } => match kind {
            LitKind::String => format!("{:?}", String::from_utf8_lossy(bytes)),
            LitKind::Char => format!("char{}", String::from_utf8_lossy(bytes)),
            _ => raw.clone(),
        },
        ExprKind::CompositeLit { ty, elts, .. } => format!("(lit {} {})", opt(ty), list(elts)),
        ExprKind::KeyValue(k, v) => format!("(: {} {})", sx(k), sx(v)),
        ExprKind::FuncLit { sig: s, body } => format!("(funclit {} {})", sig(s), body.stmts.len()),
        ExprKind::Paren(x) => format!("(paren {})", sx(x)),
        ExprKind::Selector(x, s) => format!("(. {} {})", sx(x), s.name),
        ExprKind::Index(x, l) => format!("(index {} {})", sx(x), list(l)),
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            if *three {
                format!("(slice3 {} {} {} {})", sx(x), opt(lo), opt(hi), opt(max))
            } else {
                format!("(slice {} {} {})", sx(x), opt(lo), opt(hi))
            }
        }
        ExprKind::TypeAssert(x, t) => format!(
            "(assert {} {})",
            sx(x),
            t.as_ref().map(|t| sx(t)).unwrap_or("type".into())
        ),
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            format!(
                "(call {}{}{})",
                sx(func),
                if args.is_empty() {
                    "".into()
                } else {
                    format!(" {}", list(args))
                },
                if ellipsis.is_some() { " ..." } else { "" }
            )
        }
        ExprKind::Star(x) => format!("(* {})", sx(x)),
        ExprKind::Unary(op, x) => format!("({} {})", op.as_str(), sx(x)),
        ExprKind::Binary { op, x, y, .. } => format!("({} {} {})", op.as_str(), sx(x), sx(y)),
        ExprKind::ArrayType { len, elem } => format!("([] {} {})", opt(len), sx(elem)),
        ExprKind::Ellipsis(t) => format!("(... {})", opt(t)),
        ExprKind::StructType(fs) => {
            let v: Vec<String> = fs
                .iter()
                .map(|f| {
                    let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                    format!(
                        "({} {}{})",
                        names.join(","),
                        sx(&f.ty),
                        f.tag
                            .as_ref()
                            .map(|t| format!(" {:?}", t))
                            .unwrap_or_default()
                    )
                })
                .collect();
            format!("(struct {})", v.join(" "))
        }
        ExprKind::FuncType(s) => sig(s),
        ExprKind::InterfaceType(es) => {
            let v: Vec<String> = es
                .iter()
                .map(|e| match e {
                    InterfaceElem::Method { name, sig: s } => format!("({} {})", name.name, sig(s)),
                    InterfaceElem::Embedded(t) => sx(t),
                })
                .collect();
            format!("(interface {})", v.join(" "))
        }
        ExprKind::MapType(k, v) => format!("(map {} {})", sx(k), sx(v)),
        ExprKind::ChanType(d, t) => format!(
            "(chan{} {})",
            match d {
                ChanDir::Both => "",
                ChanDir::Send => "<-",
                ChanDir::Recv => "<-r",
            },
            sx(t)
        ),
        ExprKind::Bad => "BAD".into(),
    }
}

fn ost(s: &Option<Box<Stmt>>) -> String {
    s.as_ref().map(|s| st(s)).unwrap_or_else(|| "_".into())
}

fn blk(b: &Block) -> String {
    format!(
        "{{{}}}",
        b.stmts.iter().map(st).collect::<Vec<_>>().join("; ")
    )
}

fn clauses(cs: &[CaseClause]) -> String {
    cs.iter()
        .map(|c| {
            if c.default {
                format!(
                    "(default {})",
                    c.body.iter().map(st).collect::<Vec<_>>().join("; ")
                )
            } else {
                format!(
                    "(case [{}] {})",
                    list(&c.exprs),
                    c.body.iter().map(st).collect::<Vec<_>>().join("; ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn gendecl(d: &GenDecl) -> String {
    match d {
        GenDecl::Var(specs) | GenDecl::Const(specs) => {
            let kw = if matches!(d, GenDecl::Var(_)) {
                "var"
            } else {
                "const"
            };
            let v: Vec<String> = specs
                .iter()
                .map(|s| {
                    let names: Vec<&str> = s.names.iter().map(|n| n.name.as_str()).collect();
                    format!(
                        "({} {} [{}] iota={})",
                        names.join(","),
                        s.ty.as_ref().map(sx).unwrap_or("_".into()),
                        list(&s.values),
                        s.iota
                    )
                })
                .collect();
            format!("({} {})", kw, v.join(" "))
        }
        GenDecl::Type(specs) => {
            let v: Vec<String> = specs
                .iter()
                .map(|s| {
                    format!(
                        "({}{} {})",
                        s.name.name,
                        if s.alias { " =" } else { "" },
                        sx(&s.ty)
                    )
                })
                .collect();
            format!("(type {})", v.join(" "))
        }
    }
}

/// An S-expression of a statement.
fn st(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Empty => "empty".into(),
        StmtKind::Decl(d) => gendecl(d),
        StmtKind::Labeled(l, s) => format!("(label {} {})", l.name, st(s)),
        StmtKind::Expr(x) => sx(x),
        StmtKind::Send(c, v) => format!("(send {} {})", sx(c), sx(v)),
        StmtKind::IncDec(x, inc) => format!("({} {})", if *inc { "++" } else { "--" }, sx(x)),
        StmtKind::Assign {
            lhs,
            rhs,
            op,
            define,
            ..
        } => {
            let o = match (op, define) {
                (Some(op), _) => format!("{}=", op.as_str()),
                (None, true) => ":=".into(),
                (None, false) => "=".into(),
            };
            format!("({} [{}] [{}])", o, list(lhs), list(rhs))
        }
        StmtKind::Go(x) => format!("(go {})", sx(x)),
        StmtKind::Defer(x) => format!("(defer {})", sx(x)),
        StmtKind::Return(l) => format!("(return {})", list(l)),
        StmtKind::Branch(k, l) => format!(
            "({:?}{})",
            k,
            l.as_ref()
                .map(|l| format!(" {}", l.name))
                .unwrap_or_default()
        ),
        StmtKind::Block(b) => blk(b),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => format!("(if {} {} {} {})", ost(init), sx(cond), blk(then), ost(els)),
        StmtKind::Switch {
            init,
            tag,
            clauses: cs,
            ..
        } => {
            format!(
                "(switch {} {} {})",
                ost(init),
                tag.as_ref().map(sx).unwrap_or("_".into()),
                clauses(cs)
            )
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            clauses: cs,
            ..
        } => format!(
            "(typeswitch {} {} {} {})",
            ost(init),
            bind.as_ref().map(|b| b.name.clone()).unwrap_or("_".into()),
            sx(x),
            clauses(cs)
        ),
        StmtKind::Select(cs) => {
            let v: Vec<String> = cs
                .iter()
                .map(|c| {
                    format!(
                        "({} {})",
                        ost(&c.comm),
                        c.body.iter().map(st).collect::<Vec<_>>().join("; ")
                    )
                })
                .collect();
            format!("(select {})", v.join(" "))
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            format!(
                "(for {} {} {} {})",
                ost(init),
                cond.as_ref().map(sx).unwrap_or("_".into()),
                ost(post),
                blk(body)
            )
        }
        StmtKind::Range {
            key,
            value,
            define,
            x,
            body,
        } => format!(
            "(range {} {} {} {} {})",
            key.as_ref().map(sx).unwrap_or("_".into()),
            value.as_ref().map(sx).unwrap_or("_".into()),
            if *define { ":=" } else { "=" },
            sx(x),
            blk(body)
        ),
    }
}

/// Tokens of a source, as "tok" or "tok:text", space-separated.
fn toks(src: &str) -> String {
    let mut lx = Lexer::new(src.as_bytes(), 0);
    let mut out = Vec::new();
    loop {
        lx.next();
        assert!(lx.err.is_none(), "lex error {:?} in {:?}", lx.err, src);
        let t = lx.tok;
        let s = match t {
            Tok::Eof => break,
            Tok::Name | Tok::Literal => String::from_utf8_lossy(lx.text()).into_owned(),
            Tok::Semi => format!(";{}", lx.semi.as_str()),
            Tok::Operator | Tok::AssignOp | Tok::IncOp | Tok::Star => {
                String::from_utf8_lossy(lx.text()).into_owned()
            }
            t => t.as_str().to_string(),
        };
        out.push(s);
        if out.len() > 10_000 {
            panic!("lexer does not terminate");
        }
    }
    out.join(" ")
}

fn lex_err(src: &[u8]) -> String {
    let mut lx = Lexer::new(src, 0);
    for _ in 0..10_000 {
        lx.next();
        if let Some(d) = &lx.err {
            return format!("{}:{}: {}", d.pos.line, d.pos.col, d.msg);
        }
        if lx.tok == Tok::Eof {
            return "ok".into();
        }
    }
    panic!("lexer does not terminate")
}

/// The decoded value of the first literal in `src`.
fn lit(src: &str) -> (LitKind, Vec<u8>, u32) {
    let mut lx = Lexer::new(src.as_bytes(), 0);
    lx.next();
    assert_eq!(lx.tok, Tok::Literal, "{}", src);
    assert!(lx.err.is_none(), "{:?}", lx.err);
    (lx.kind, lx.val.clone(), lx.rune)
}

// ----------------------------------------------------------------------
// Lexer

#[test]
fn lex_operators() {
    assert_eq!(
        toks("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... . , ; : ( ) [ ] { }"),
        "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= &^= && || <- ++ -- == < > = ! ~ != <= >= := ... . , ;semicolon : ( ) [ ] { } ;EOF"
    );
    assert_eq!(toks("a..b"), "a . . b ;EOF");
    assert_eq!(toks("x.5"), "x .5 ;EOF");
    assert_eq!(toks("a&^b&&c"), "a &^ b && c ;EOF");
}

#[test]
fn lex_keywords_and_idents() {
    assert_eq!(
        toks("break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"),
        "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"
    );
    assert_eq!(toks("_x x1 größe 日本語 αβ"), "_x x1 größe 日本語 αβ ;EOF");
    assert_eq!(toks("breaks Func"), "breaks Func ;EOF");
}

#[test]
fn lex_semicolons() {
    assert_eq!(toks("x\ny"), "x ;newline y ;EOF");
    assert_eq!(toks("x +\ny"), "x + y ;EOF");
    assert_eq!(toks("f()\n"), "f ( ) ;newline");
    assert_eq!(toks("a[1]\n}\n"), "a [ 1 ] ;newline } ;newline");
    assert_eq!(
        toks("return\nbreak\ncontinue\nfallthrough\n"),
        "return ;newline break ;newline continue ;newline fallthrough ;newline"
    );
    assert_eq!(toks("i++\ni--\n"), "i ++ ;newline i -- ;newline");
    assert_eq!(
        toks("1\n'a'\n\"s\"\n`r`\n2.5\n3i\n"),
        "1 ;newline 'a' ;newline \"s\" ;newline `r` ;newline 2.5 ;newline 3i ;newline"
    );
    assert_eq!(toks("go\nfunc\n"), "go func");
    // comments
    assert_eq!(toks("x // c\ny"), "x ;newline y ;EOF");
    assert_eq!(toks("x /* c */ y"), "x y ;EOF");
    assert_eq!(toks("x /* c\n */ y"), "x ;newline y ;EOF");
    assert_eq!(toks("x + /* c\n */ y"), "x + y ;EOF");
    assert_eq!(toks("x // c"), "x ;EOF");
    assert_eq!(toks("/* a */\n/* b */"), "");
}

#[test]
fn lex_semicolon_positions() {
    let mut lx = Lexer::new(b"x := 1 // c\n/* a\nb */ y", 0);
    let mut ps = Vec::new();
    loop {
        lx.next();
        if lx.tok == Tok::Eof {
            break;
        }
        ps.push((lx.tok, lx.pos.line, lx.pos.col));
    }
    assert_eq!(ps[3], (Tok::Semi, 1, 12));
    assert_eq!(ps[4], (Tok::Name, 3, 6));
    let mut lx = Lexer::new(b"x /* a\nb */ y", 0);
    lx.next();
    lx.next();
    assert_eq!((lx.tok, lx.pos.line, lx.pos.col), (Tok::Semi, 1, 3));
}

#[test]
fn lex_numbers() {
    assert_eq!(
        toks("0 123 1_000 0x1F 0XaB_cd 0o17 0O7 0b1010 0B_1 0777 0_7 1.5 1. .5 1e10 1E-3 0x1p-2 0x1.8P+3 0x_1p4 1_0.2_5e1_0 3i 0x10i 1.5i 0o7i 089i 089.5"),
        "0 123 1_000 0x1F 0XaB_cd 0o17 0O7 0b1010 0B_1 0777 0_7 1.5 1. .5 1e10 1E-3 0x1p-2 0x1.8P+3 0x_1p4 1_0.2_5e1_0 3i 0x10i 1.5i 0o7i 089i 089.5 ;EOF"
    );
    let kind = |s: &str| lit(s).0;
    assert_eq!(kind("0x1p-2"), LitKind::Float);
    assert_eq!(kind("1e3"), LitKind::Float);
    assert_eq!(kind("0777"), LitKind::Int);
    assert_eq!(kind("1.5i"), LitKind::Imag);
    assert_eq!(kind("'x'"), LitKind::Char);
}

#[test]
fn lex_number_errors() {
    assert_eq!(lex_err(b"0789"), "1:3: invalid digit '8' in octal literal");
    assert_eq!(lex_err(b"0x"), "1:3: hexadecimal literal has no digits");
    assert_eq!(lex_err(b"0b"), "1:3: binary literal has no digits");
    assert_eq!(lex_err(b"0b12"), "1:4: invalid digit '2' in binary literal");
    assert_eq!(lex_err(b"1__2"), "1:3: '_' must separate successive digits");
    assert_eq!(lex_err(b"1_"), "1:2: '_' must separate successive digits");
    assert_eq!(lex_err(b"0x_1"), "ok");
    assert_eq!(lex_err(b"0_x1"), "1:2: '_' must separate successive digits");
    assert_eq!(
        lex_err(b"0x1.0"),
        "1:6: hexadecimal mantissa requires a 'p' exponent"
    );
    assert_eq!(
        lex_err(b"0b1p3"),
        "1:4: 'p' exponent requires hexadecimal mantissa"
    );
    assert_eq!(
        lex_err(b"0o1e3"),
        "1:4: 'e' exponent requires decimal mantissa"
    );
    assert_eq!(lex_err(b"1e+"), "1:4: exponent has no digits");
    assert_eq!(
        lex_err(b"0b1.0"),
        "1:4: invalid radix point in binary literal"
    );
    assert_eq!(lex_err(b"089.5 0779i"), "ok");
}

#[test]
fn lex_strings() {
    assert_eq!(lit(r#""a\tb\n\\\"""#).1, b"a\tb\n\\\"");
    assert_eq!(lit(r#""\a\b\f\n\r\t\v""#).1, b"\x07\x08\x0c\n\r\t\x0b");
    assert_eq!(lit(r#""\101\x41\u00e9\U0001F600""#).1, "AAé😀".as_bytes());
    assert_eq!(lit(r#""\xff\377""#).1, b"\xff\xff");
    assert_eq!(lit("\"日本\"").1, "日本".as_bytes());
    assert_eq!(lit("`a\\n\r\nb`").1, b"a\\n\nb");
    assert_eq!(lit("``").1, b"");
    assert_eq!(lit("'a'").2, 97);
    assert_eq!(lit(r"'\n'").2, 10);
    assert_eq!(lit(r"'\''").2, 39);
    assert_eq!(lit(r"'\x7f'").2, 127);
    assert_eq!(lit(r"'\377'").2, 255);
    assert_eq!(lit(r"'\u12e4'").2, 0x12e4);
    assert_eq!(lit(r"'\U00101234'").2, 0x101234);
    assert_eq!(lit("'本'").2, 0x672c);
    // raw string spanning lines keeps the line count right
    let mut lx = Lexer::new(b"`a\nb\nc` x", 0);
    lx.next();
    lx.next();
    assert_eq!((lx.pos.line, lx.pos.col), (3, 4));
}

#[test]
fn lex_string_errors() {
    assert_eq!(lex_err(b"\"abc\n"), "1:5: newline in string");
    assert_eq!(lex_err(b"\"abc"), "1:1: string not terminated");
    assert_eq!(lex_err(b"`abc"), "1:1: string not terminated");
    assert_eq!(lex_err(b"\"\\q\""), "1:3: unknown escape");
    assert_eq!(lex_err(b"\"\\'\""), "1:3: unknown escape");
    assert_eq!(lex_err(b"'\\\"'"), "1:3: unknown escape");
    assert_eq!(
        lex_err(b"\"\\xg0\""),
        "1:4: invalid character 'g' in hexadecimal escape"
    );
    assert_eq!(lex_err(b"\"\\400\""), "1:6: octal escape value 256 > 255");
    assert_eq!(
        lex_err(b"\"\\U00110000\""),
        "1:12: escape is invalid Unicode code point U+110000"
    );
    assert_eq!(
        lex_err(b"\"\\uD800\""),
        "1:8: escape is invalid Unicode code point U+D800"
    );
    assert_eq!(
        lex_err(b"'ab'"),
        "1:1: more than one character in rune literal"
    );
    assert_eq!(lex_err(b"''"), "1:2: empty rune literal or unescaped '");
    assert_eq!(lex_err(b"'a\n"), "1:3: newline in rune literal");
    assert_eq!(lex_err(b"'a"), "1:1: rune literal not terminated");
    assert_eq!(lex_err(b"/* abc"), "1:1: comment not terminated");
}

#[test]
fn lex_char_errors() {
    assert_eq!(lex_err(b"x @"), "1:3: invalid character U+0040 '@'");
    assert_eq!(lex_err(b"x\x01"), "1:2: invalid character U+0001");
    assert_eq!(lex_err(b"1\x00"), "1:2: invalid NUL character");
    assert_eq!(lex_err(b"1\xff"), "1:2: invalid UTF-8 encoding");
    assert_eq!(
        lex_err(b"1\xef\xbb\xbf"),
        "1:2: invalid BOM in the middle of the file"
    );
    assert_eq!(lex_err(b"\xef\xbb\xbfx"), "ok");
    assert_eq!(
        lex_err("a€".as_bytes()),
        "1:2: invalid character U+20AC '€' in identifier"
    );
    assert_eq!(
        lex_err("٣".as_bytes()),
        "1:1: identifier cannot begin with digit U+0663 '٣'"
    );
    assert_eq!(
        lex_err("\u{a0}1".as_bytes()),
        "1:1: invalid character U+00A0 in identifier"
    );
    assert_eq!(lex_err(b"// \x00\n"), "1:4: invalid NUL character");
    assert_eq!(lex_err(b"\"\xff\""), "1:2: invalid UTF-8 encoding");
}

#[test]
fn bom_is_skipped() {
    let f = parse("\u{feff}package main\n");
    assert_eq!(f.package.name, "main");
    assert_eq!(
        err("\u{feff}package main\n\nvar s = @\n"),
        "3:9: invalid character U+0040 '@'"
    );
    assert_eq!(f.package.pos.col, 12); // the BOM's bytes count, as in Go
}

// ----------------------------------------------------------------------
// Expressions

#[test]
fn precedence() {
    assert_eq!(ex("a + b * c"), "(+ a (* b c))");
    assert_eq!(ex("a * b + c"), "(+ (* a b) c)");
    assert_eq!(ex("a - b - c"), "(- (- a b) c)");
    assert_eq!(ex("a || b && c"), "(|| a (&& b c))");
    assert_eq!(ex("a && b || c && d"), "(|| (&& a b) (&& c d))");
    assert_eq!(ex("a == b && c < d"), "(&& (== a b) (< c d))");
    assert_eq!(ex("a + b == c | d"), "(== (+ a b) (| c d))");
    assert_eq!(ex("a << b + c &^ d"), "(+ (<< a b) (&^ c d))");
    assert_eq!(ex("x ^ y % z >> 1"), "(^ x (>> (% y z) 1))");
    assert_eq!(ex("-a * ^b"), "(* (- a) (^ b))");
    assert_eq!(ex("!a && !b"), "(&& (! a) (! b))");
    assert_eq!(ex("*p + &x"), "(+ (* p) (& x))");
    assert_eq!(ex("<-c + 1"), "(+ (<- c) 1)");
    assert_eq!(ex("(a + b) * c"), "(* (paren (+ a b)) c)");
    assert_eq!(ex("a < b == c > d"), "(> (== (< a b) c) d)");
    assert_eq!(ex("+x - -y"), "(- (+ x) (- y))");
}

#[test]
fn primary_expressions() {
    assert_eq!(ex("a.b.c"), "(. (. a b) c)");
    assert_eq!(ex("f(a, b)(c)"), "(call (call f a b) c)");
    assert_eq!(ex("f(s...)"), "(call f s ...)");
    assert_eq!(ex("f(a, s...,)"), "(call f a s ...)");
    assert_eq!(ex("a[i][j]"), "(index (index a i) j)");
    assert_eq!(ex("a[1:2]"), "(slice a 1 2)");
    assert_eq!(ex("a[:]"), "(slice a _ _)");
    assert_eq!(ex("a[i:]"), "(slice a i _)");
    assert_eq!(ex("a[:j]"), "(slice a _ j)");
    assert_eq!(ex("a[1:2:3]"), "(slice3 a 1 2 3)");
    assert_eq!(ex("a[:2:3]"), "(slice3 a _ 2 3)");
    assert_eq!(ex("x.(T)"), "(assert x T)");
    assert_eq!(ex("x.(*pkg.T)"), "(assert x (* (. pkg T)))");
    assert_eq!(ex("x.(type)"), "(assert x type)");
    assert_eq!(ex("[]int{1, 2}"), "(lit ([] _ int) 1 2)");
    assert_eq!(ex("[...]string{\"a\"}"), "(lit ([] (... _) string) \"a\")");
    assert_eq!(ex("[3]int{}"), "(lit ([] 3 int) )");
    assert_eq!(
        ex("map[string]int{\"a\": 1}"),
        "(lit (map string int) (: \"a\" 1))"
    );
    assert_eq!(ex("T{X: 1, Y: {2}}"), "(lit T (: X 1) (: Y (lit _ 2)))");
    assert_eq!(
        ex("[][]int{{1}, {}}"),
        "(lit ([] _ ([] _ int)) (lit _ 1) (lit _ ))"
    );
    assert_eq!(ex("pkg.T{}"), "(lit (. pkg T) )");
    assert_eq!(ex("&T{}"), "(& (lit T ))");
    assert_eq!(ex("struct{ x int }{1}"), "(lit (struct (x int)) 1)");
    assert_eq!(
        ex("func(x int) int { return x }"),
        "(funclit (func ((x int)) (int)) 1)"
    );
    assert_eq!(
        ex("func(a, b int, c ...string) (r int, err error) {}(1)"),
        "(call (funclit (func ((a int) (b int) (c (... string))) ((r int) (err error))) 0) 1)"
    );
    assert_eq!(ex("[]int(x)"), "(call ([] _ int) x)");
    assert_eq!(ex("(*T)(p)"), "(call (paren (* T)) p)");
    assert_eq!(ex("(<-chan int)(c)"), "(call (paren (chan<-r int)) c)");
    assert_eq!(ex("<-chan int(c)"), "(<- (call (chan int) c))");
    assert_eq!(ex("'a'"), "char97");
    assert_eq!(ex("\"a\\x00\""), "\"a\\0\"");
    assert_eq!(ex("interface{}(x)"), "(call (interface ) x)");
    assert_eq!(ex("m[k]"), "(index m k)");
    assert_eq!(ex("List[int]{}"), "(lit (index List int) )");
}

#[test]
fn type_expressions() {
    let ty = |s: &str| -> String {
        let f = parse(&format!("package p\ntype T {}\n", s));
        let Decl::Gen(GenDecl::Type(specs)) = &f.decls[0] else {
            panic!()
        };
        sx(&specs[0].ty)
    };
    assert_eq!(ty("[4]int"), "([] 4 int)");
    assert_eq!(ty("[N*2][]*string"), "([] (* N 2) ([] _ (* string)))");
    assert_eq!(ty("[N]int"), "([] N int)");
    assert_eq!(ty("map[string][]int"), "(map string ([] _ int))");
    assert_eq!(ty("chan int"), "(chan int)");
    assert_eq!(ty("chan<- int"), "(chan<- int)");
    assert_eq!(ty("<-chan int"), "(chan<-r int)");
    assert_eq!(ty("chan<- chan int"), "(chan<- (chan int))");
    assert_eq!(ty("chan (<-chan int)"), "(chan (paren (chan<-r int)))");
    assert_eq!(ty("func(int, string) error"), "(func (int string) (error))");
    assert_eq!(
        ty("func(a, b int) (int, error)"),
        "(func ((a int) (b int)) (int error))"
    );
    assert_eq!(ty("func(...int)"), "(func ((... int)) ())");
    assert_eq!(
        ty("func(a []int, m map[K]V, p *T, q pkg.T)"),
        "(func ((a ([] _ int)) (m (map K V)) (p (* T)) (q (. pkg T))) ())"
    );
    assert_eq!(
        ty("struct {\n\ta, b int `json:\"a\"`\n\tT\n\t*pkg.U\n\tpkg.V \"tag\"\n\tc [2]byte\n}"),
        "(struct (a,b int \"json:\\\"a\\\"\") ( T) ( (* (. pkg U))) ( (. pkg V) \"tag\") (c ([] 2 byte)))"
    );
    assert_eq!(
        ty("interface {\n\tM(x int) bool\n\tio.Reader\n\tStringer\n}"),
        "(interface (M (func ((x int)) (bool))) (. io Reader) Stringer)"
    );
    assert_eq!(ty("interface{}"), "(interface )");
    assert_eq!(
        ty("*[]map[int]chan<- func()"),
        "(* ([] _ (map int (chan<- (func () ())))))"
    );
    let f = parse("package p\ntype A = B\n");
    let Decl::Gen(GenDecl::Type(specs)) = &f.decls[0] else {
        panic!()
    };
    assert!(specs[0].alias);
}

#[test]
fn grouped_params_share_type() {
    let f = parse("package p\nfunc f(a, b []int, c string) {}\n");
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let ps = &fd.sig.params;
    assert_eq!(ps.len(), 3);
    assert_eq!(ps[0].name.as_ref().unwrap().name, "a");
    assert_eq!(ps[0].ty.id, ps[1].ty.id);
    assert_ne!(ps[1].ty.id, ps[2].ty.id);
    assert_eq!(sx(&ps[0].ty), "([] _ int)");
}

#[test]
fn expr_ids_are_unique() {
    let mut next = 100;
    let f = parse_file("a.go", b"package p\nvar x = a + b*c\n", 3, &mut next).unwrap();
    let Decl::Gen(GenDecl::Var(specs)) = &f.decls[0] else {
        panic!()
    };
    let v = &specs[0].values[0];
    let mut ids = Vec::new();
    fn collect(x: &Expr, ids: &mut Vec<u32>) {
        ids.push(x.id);
        if let ExprKind::Binary { x, y, .. } = &x.kind {
            collect(x, ids);
            collect(y, ids);
        }
    }
    collect(v, &mut ids);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5);
    assert!(ids.iter().all(|&i| (100..105).contains(&i)));
    assert_eq!(next, 105);
    assert_eq!(
        v.pos,
        Pos {
            file: 3,
            line: 2,
            col: 9
        }
    );
    let ExprKind::Binary { op_pos, .. } = &v.kind else {
        panic!()
    };
    assert_eq!(op_pos.col, 11);
}

// ----------------------------------------------------------------------
// Declarations

#[test]
fn imports() {
    let f = parse("package main\n\nimport \"fmt\"\nimport (\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"os\"\n\t`io`\n)\n");
    let v: Vec<String> = f
        .imports
        .iter()
        .map(|i| {
            format!(
                "{}={}",
                i.name.as_ref().map(|n| n.name.as_str()).unwrap_or("-"),
                i.path
            )
        })
        .collect();
    assert_eq!(v.join(" "), "-=fmt str=strings .=math _=os -=io");
    assert_eq!((f.imports[1].pos.line, f.imports[1].pos.col), (5, 2));
}

#[test]
fn const_groups_repeat_with_iota() {
    let f = parse("package p\nconst (\n\tA = iota * 10\n\tB\n\t_\n\tC, D int = iota, -iota\n\tE, F\n\tG = \"x\"\n\tH\n)\nconst Z = iota\n");
    let v: Vec<String> = f
        .decls
        .iter()
        .map(|d| match d {
            Decl::Gen(g) => gendecl(g),
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        v.join("\n"),
        "(const (A _ [(* iota 10)] iota=0) (B _ [(* iota 10)] iota=1) (_ _ [(* iota 10)] iota=2) (C,D int [iota (- iota)] iota=3) (E,F int [iota (- iota)] iota=4) (G _ [\"x\"] iota=5) (H _ [\"x\"] iota=6))\n(const (Z _ [iota] iota=0))"
    );
    // repeated expressions get their own ids
    let Decl::Gen(GenDecl::Const(specs)) = &f.decls[0] else {
        panic!()
    };
    assert_ne!(specs[0].values[0].id, specs[1].values[0].id);
    assert_eq!(specs[0].values[0].pos, specs[1].values[0].pos);
}

#[test]
fn var_and_type_decls() {
    let f = parse("package p\nvar a int\nvar b, c = 1, 2\nvar (\n\td []string = nil\n\te = f()\n)\ntype (\n\tP *int\n\tS struct{}\n)\n");
    let v: Vec<String> = f
        .decls
        .iter()
        .map(|d| match d {
            Decl::Gen(g) => gendecl(g),
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        v.join("\n"),
        "(var (a int [] iota=0))\n(var (b,c _ [1 2] iota=0))\n(var (d ([] _ string) [nil] iota=0) (e _ [(call f)] iota=0))\n(type (P (* int)) (S (struct )))"
    );
}

#[test]
fn func_and_method_decls() {
    let f = parse("package p\nfunc (s *S) M(x int) (y int) { return x }\nfunc (S) N()\nfunc F(int, string) {}\n");
    let Decl::Func(m) = &f.decls[0] else { panic!() };
    let r = m.recv.as_ref().unwrap();
    assert_eq!(r.name.as_ref().unwrap().name, "s");
    assert_eq!(sx(&r.ty), "(* S)");
    assert_eq!(m.name.name, "M");
    assert_eq!(sig(&m.sig), "(func ((x int)) ((y int)))");
    assert_eq!((m.pos.line, m.pos.col), (2, 1));
    let Decl::Func(n) = &f.decls[1] else { panic!() };
    assert!(n.recv.as_ref().unwrap().name.is_none());
    assert!(n.body.is_none());
    let Decl::Func(g) = &f.decls[2] else { panic!() };
    assert_eq!(sig(&g.sig), "(func (int string) ())");
    let b = g.body.as_ref().unwrap();
    assert_eq!((b.lbrace.line, b.lbrace.col, b.rbrace.col), (4, 21, 22));
}

// ----------------------------------------------------------------------
// Statements

#[test]
fn simple_statements() {
    assert_eq!(body("x := 1"), "(:= [x] [1])");
    assert_eq!(body("a, b = b, a"), "(= [a b] [b a])");
    assert_eq!(
        body("x += 2; y &^= 3; z <<= 1"),
        "(+= [x] [2])\n(&^= [y] [3])\n(<<= [z] [1])"
    );
    assert_eq!(body("i++\nj--"), "(++ i)\n(-- j)");
    assert_eq!(body("c <- v"), "(send c v)");
    assert_eq!(body("<-c"), "(<- c)");
    assert_eq!(body("f(x)"), "(call f x)");
    assert_eq!(body("*p = 1"), "(= [(* p)] [1])");
    assert_eq!(body("x, ok := m[k]"), "(:= [x ok] [(index m k)])");
    assert_eq!(body("v, ok = <-c"), "(= [v ok] [(<- c)])");
    assert_eq!(body(";"), "empty");
    assert_eq!(body("var x, y int = 1, 2"), "(var (x,y int [1 2] iota=0))");
    assert_eq!(body("const c = 1"), "(const (c _ [1] iota=0))");
    assert_eq!(body("type t int"), "(type (t int))");
    assert_eq!(body("{ x := 1 }"), "{(:= [x] [1])}");
    assert_eq!(
        body("go f(x)\ndefer func() {}()"),
        "(go (call f x))\n(defer (call (funclit (func () ()) 0)))"
    );
    assert_eq!(body("return"), "(return )");
    assert_eq!(body("return 1, nil"), "(return 1 nil)");
    assert_eq!(
        body("[]int{1}[0] = 2"),
        "(= [(index (lit ([] _ int) 1) 0)] [2])"
    );
}

#[test]
fn branch_and_labels() {
    assert_eq!(
        body("L:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto L\nM: x++\n\tfor { continue; break }\nN:"),
        "(label L (for _ _ _ {(Break L)}))\n(Goto L)\n(label M (++ x))\n(for _ _ _ {(Continue); (Break)})\n(label N empty)"
    );
    assert_eq!(
        body("switch { case true: fallthrough; default: }"),
        "(switch _ _ (case [true] (Fallthrough)) (default ))"
    );
}

#[test]
fn if_statements() {
    assert_eq!(body("if x { a() }"), "(if _ x {(call a)} _)");
    assert_eq!(
        body("if x := f(); x > 0 { a() } else { b() }"),
        "(if (:= [x] [(call f)]) (> x 0) {(call a)} {(call b)})"
    );
    assert_eq!(
        body("if a {\n} else if b {\n} else if c := 1; c {\n} else {\n}"),
        "(if _ a {} (if _ b {} (if (:= [c] [1]) c {} {})))"
    );
}

#[test]
fn composite_literal_in_headers() {
    // `T{}` in a header needs parentheses; the `{` after a bare name opens the block
    assert_eq!(
        body("if x == (T{}) { }"),
        "(if _ (== x (paren (lit T ))) {} _)"
    );
    assert_eq!(body("if x == y {\n}"), "(if _ (== x y) {} _)");
    assert_eq!(
        body("for _, v := range []int{1, 2} { }"),
        "(range _ v := (lit ([] _ int) 1 2) {})"
    );
    assert_eq!(body("if f(T{}) { }"), "(if _ (call f (lit T )) {} _)");
    assert_eq!(
        body("if v := (T{1}); v.x { }"),
        "(if (:= [v] [(paren (lit T 1))]) (. v x) {} _)"
    );
    assert_eq!(
        body("switch s := []T{{}}; len(s) {\n}"),
        "(switch (:= [s] [(lit ([] _ T) (lit _ ))]) (call len s) )"
    );
    assert_eq!(
        body("for x := range m { _ = T{} }"),
        "(range x _ := m {(= [_] [(lit T )])})"
    );
    assert_eq!(
        body("if func() bool { return T{} == t }() { }"),
        "(if _ (call (funclit (func () (bool)) 1)) {} _)"
    );
    assert_eq!(
        err("package p\ntype T struct{ a int }\nfunc main() {\n\tx := T{}\n\tif x == T{} {\n\t}\n}\n"),
        "5:14: syntax error: unexpected { at end of statement"
    );
}

#[test]
fn for_statements() {
    assert_eq!(body("for {}"), "(for _ _ _ {})");
    assert_eq!(body("for x < 10 { x++ }"), "(for _ (< x 10) _ {(++ x)})");
    assert_eq!(
        body("for i := 0; i < n; i++ {}"),
        "(for (:= [i] [0]) (< i n) (++ i) {})"
    );
    assert_eq!(body("for ;; {}"), "(for _ _ _ {})");
    assert_eq!(body("for ; x; {}"), "(for _ x _ {})");
    assert_eq!(
        body("for i := 0; ; i += 2 {}"),
        "(for (:= [i] [0]) _ (+= [i] [2]) {})"
    );
    assert_eq!(body("for k, v := range m {}"), "(range k v := m {})");
    assert_eq!(body("for k = range m {}"), "(range k _ = m {})");
    assert_eq!(
        body("for a[0], b.x = range m {}"),
        "(range (index a 0) (. b x) = m {})"
    );
    assert_eq!(body("for range ch {}"), "(range _ _ = ch {})");
}

#[test]
fn switch_statements() {
    assert_eq!(
        body("switch x {\ncase 1, 2:\n\ta()\ncase 3:\ndefault:\n\tb()\n}"),
        "(switch _ x (case [1 2] (call a)) (case [3] ) (default (call b)))"
    );
    assert_eq!(
        body("switch x := f(); x {}"),
        "(switch (:= [x] [(call f)]) x )"
    );
    assert_eq!(
        body("switch x := f(); {}"),
        "(switch (:= [x] [(call f)]) _ )"
    );
    assert_eq!(body("switch {}"), "(switch _ _ )");
    assert_eq!(
        body("switch v := x.(type) {\ncase int, *T:\ncase nil:\ndefault:\n}"),
        "(typeswitch _ v x (case [int (* T)] ) (case [nil] ) (default ))"
    );
    assert_eq!(body("switch x.(type) {}"), "(typeswitch _ _ x )");
    assert_eq!(
        body("switch y := g(); t := y.f.(type) {}"),
        "(typeswitch (:= [y] [(call g)]) t (. y f) )"
    );
}

#[test]
fn select_statements() {
    assert_eq!(
        body("select {\ncase v := <-c:\n\tuse(v)\ncase v, ok = <-c:\ncase c <- 1:\ncase <-d:\ndefault:\n}"),
        "(select ((:= [v] [(<- c)]) (call use v)) ((= [v ok] [(<- c)]) ) ((send c 1) ) ((<- d) ) (_ ))"
    );
    assert_eq!(body("select {}"), "(select )");
}

#[test]
fn statement_positions() {
    let f = parse("package p\nfunc f() {\n\tx := 1\n\tif x > 0 {\n\t}\n}\n");
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let s = &fd.body.as_ref().unwrap().stmts;
    assert_eq!((s[0].pos.line, s[0].pos.col), (3, 2));
    assert_eq!((s[1].pos.line, s[1].pos.col), (4, 2));
}

// ----------------------------------------------------------------------
// Errors (expected text and position from `go build`)

#[test]
fn syntax_errors_like_go() {
    let cases: &[(&str, &str)] = &[
        ("package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n", "6:1: syntax error: unexpected EOF, expected }"),
        ("package main\n\nfunc main() {\n}\n}\n", "5:1: syntax error: non-declaration statement outside function body"),
        ("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\"\n}\n", "6:17: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\n\nfunc main() {\n\tx := []int{\n\t\t1,\n\t\t2\n\t}\n\t_ = x\n}\n", "6:4: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        ("package main\n\nfunc main() {\n\tx := []int{1, 2, 3,\n\t\t4, 5 6}\n}\n", "5:8: syntax error: unexpected literal 6 in composite literal; possibly missing comma or }"),
        ("package main\n\nfunc main() {\n\tx := 1\n\tif x > 0 {\n\t}\n\telse {\n\t}\n}\n", "7:2: syntax error: unexpected keyword else, expected }"),
        ("package main\n\nx + 1\n", "3:1: syntax error: non-declaration statement outside function body"),
        ("package main\n\nx := 1\n", "3:1: syntax error: non-declaration statement outside function body"),
        ("package main\n\nvar x = \n", "4:1: syntax error: unexpected EOF, expected expression"),
        ("package main\n\nvar s = \"abc\n", "3:13: newline in string"),
        ("package main\n\nvar s = `abc\n", "3:9: string not terminated"),
        ("package main\n\nvar s = @\n", "3:9: invalid character U+0040 '@'"),
        ("package main\n\nvar r = 'ab'\n", "3:9: more than one character in rune literal"),
        ("package main\n\nvar r = 'a\n", "3:11: newline in rune literal"),
        ("package main\n\nvar r = ''\n", "3:10: empty rune literal or unescaped '"),
        ("package main\n\nvar s = \"\\q\"\n", "3:11: unknown escape"),
        ("package main\n\nfunc main() {\n\tx := 1\n\tif x = x+1 {\n\t}\n}\n", "5:7: syntax error: cannot use assignment x = (x + 1) as value"),
        ("package main\n\nfunc main() {\n\tfor x := 1 {\n\t}\n}\n", "4:8: syntax error: cannot use x := 1 as value"),
        ("package main\n\nfunc main() {\n\tif {\n\t}\n}\n", "4:5: syntax error: missing condition in if statement"),
        ("package main\n\nfunc main() {\n\tx := 1\n\tif x > 0\n\t{\n\t}\n}\n", "5:10: syntax error: unexpected newline, expected { after if clause"),
        ("package main\n\nfunc main()\n{\n}\n", "4:1: syntax error: unexpected semicolon or newline before {"),
        ("package main\n\nfunc main() {\n\tvar a [4]int\n\t_ = a[1::3]\n}\n", "5:10: middle index required in 3-index slice"),
        ("package main\n\nfunc main() {\n\tvar a [4]int\n\t_ = a[1:2:]\n}\n", "5:12: final index required in 3-index slice"),
        ("package main\n\nfunc main() {\n\tx := 1 2\n}\n", "4:9: syntax error: unexpected literal 2 at end of statement"),
        ("package main\n\nfunc main() {\n\tfor i := 0; i < 3 {\n\t}\n}\n", "4:20: syntax error: unexpected {, expected semicolon or newline"),
        ("package main\n\nfunc main() {\n\tgo (f())\n}\n", "4:5: expression in go must not be parenthesized"),
        ("package main\n\nfunc main() {\n\tx := (1 +\n", "5:1: syntax error: unexpected EOF, expected expression"),
        ("package main\n\nvar x = 1\n\nimport \"fmt\"\n", "5:1: syntax error: imports must appear before other declarations"),
        ("package main\n\n/* abc\n", "3:1: comment not terminated"),
        ("package main\n\nfunc main() {\n\tfor a, b, c := range \"x\" {\n\t}\n}\n", "4:12: range clause permits at most two iteration variables"),
        ("func main() {}\n", "1:1: expected 'package', found 'func'"),
        ("x := 1\n", "1:1: expected 'package', found x"),
        ("", "1:1: expected 'package', found 'EOF'"),
        ("package 1\n", "1:9: expected 'IDENT', found 1"),
        ("package main\n\nimport 1\n", "3:8: import path must be a string"),
        ("package main\n\nimport (\n\t\"fmt\"\n\tx\n)\n", "5:3: missing import path"),
        ("package main\n\nfunc () M() {}\n", "3:9: method has no receiver"),
        ("package main\n\nfunc main() {\n\tswitch {\n\tfoo\n\t}\n}\n", "5:2: syntax error: unexpected name foo, expected case or default or }"),
        ("package main\n\nvar c chan\nfunc main(){}\n", "4:6: syntax error: unexpected name main, expected ("),
        ("package main\n\nfunc main() {\n\tx := f( /* a\n */ \n}\n", "6:1: syntax error: unexpected }, expected expression"),
        ("package main\n\nfunc f(a ...int, b int) {}\n", "3:10: can only use ... with final parameter"),
        ("package main\n\nfunc main() {\n\tif true {\n\t} else for {\n\t}\n}\n", "5:9: syntax error: else must be followed by if or statement block"),
        ("package main\n\nfunc f(a int, b) {}\n", "3:16: syntax error: missing parameter type"),
        ("package main\n\nfunc f(a int, string) {}\n", "3:21: syntax error: missing parameter type"),
        ("package main\n\ntype S struct {\n\ta int,\n\tb int\n}\n", "4:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }"),
        ("package main\n\nfunc main() {\n\tif var x = 1; x > 0 {\n\t}\n}\n", "4:9: syntax error: var declaration not allowed in if initializer"),
        ("package main\n\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n", "4:23: syntax error: cannot declare in post statement of for loop"),
        ("package main\n\nfunc main() {\n\tx.1\n}\n", "4:3: syntax error: unexpected literal .1 at end of statement"),
        ("package main\n\ntype T\nfunc main(){}\n", "3:7: syntax error: unexpected newline in type declaration"),
        ("package main\n\nvar x = 0789\n", "3:11: invalid digit '8' in octal literal"),
        ("package main\n\nvar x = 0x1.0\n", "3:14: hexadecimal mantissa requires a 'p' exponent"),
        ("package main\n\nvar s = \"\\400\"\n", "3:14: octal escape value 256 > 255"),
        ("package main\n\nfunc F[]() {}\n", "3:8: syntax error: empty type parameter list"),
        ("package main\n\nfunc F[T]() {}\n", "3:9: syntax error: missing type constraint"),
        ("package main\n\ntype I interface{ ~int | }\n", "3:26: syntax error: unexpected }, expected ~ term or type"),
        ("package main\n\nfunc main() {\n\tif (x {\n\t}\n}\n", "5:3: syntax error: unexpected newline, expected )"),
        ("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\"))\n}\n", "6:18: syntax error: unexpected ) at end of statement"),
        ("package main\n\nfunc main() {\n\tf(1,\n\t\t2\n\t)\n}\n", "5:4: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\n\nvar x = [3]int{1, 2, 3\n", "3:23: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        ("package main\n\ntype S struct {\n\ta int\n\nfunc main() {}\n", "6:1: syntax error: unexpected keyword func, expected field name or embedded type"),
        ("package main\n\nfunc main() {\n\tcase 1:\n}\n", "4:2: syntax error: unexpected keyword case, expected }"),
        ("package main\n\nfunc main() {\n\telse {\n\t}\n}\n", "4:2: syntax error: unexpected keyword else, expected }"),
        ("package main\n\nvar x := 1\n", "3:7: syntax error: unexpected :=, expected ="),
        ("package main\n\nfunc main() {\n\tfor i := 0; i < 10; i++\n\t{\n\t}\n}\n", "4:25: syntax error: unexpected newline, expected { after for clause"),
        ("package main\n\nfunc main() {\n\tx := map[string]int{\n\t\t\"a\": 1\n\t}\n}\n", "5:9: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        ("package main\n\nfunc main() {\n\tvar x int = \n}\n", "5:1: syntax error: unexpected }, expected expression"),
        ("package main\n\nfunc main() {\n\tx = = 1\n}\n", "4:6: syntax error: unexpected =, expected expression"),
        ("package main\n\nfunc main() {\n\tfunc inner() {}\n}\n", "4:7: syntax error: unexpected name inner, expected ("),
        ("package main\n\nfunc main() {\n\treturn 1 2\n}\n", "4:11: syntax error: unexpected literal 2 at end of statement"),
        ("package main\n\nfunc main() {\n\tswitch x {\n\tcase 1\n\t}\n}\n", "5:8: syntax error: unexpected newline, expected :"),
        ("package main\n\nfunc main() {\n\tdefer\n}\n", "5:1: syntax error: unexpected }, expected expression"),
        ("package main\n\ntype T [\n", "4:1: syntax error: unexpected EOF, expected expression"),
        ("package main\n\nfunc main() {\n\tx := []int{1, 2, 3}[1:2:3:4]\n}\n", "4:27: syntax error: unexpected :, expected ]"),
        ("package main\n\nfunc main() {\n\tvar m map[string]\n}\n", "4:19: syntax error: unexpected newline, expected type"),
        ("package main\n\nfunc main() {\n\tx := struct{a int}{1}\n\ty := x.\n}\n", "6:1: syntax error: unexpected }, expected name or ("),
        ("package main\n\nfunc f() (int, string {\n}\n", "3:23: syntax error: unexpected { in parameter list; possibly missing comma or )"),
        ("package main\n\nfunc f(a int b int) {\n}\n", "3:14: syntax error: unexpected name b in parameter list; possibly missing comma or )"),
        ("package main\n\nconst (\n\ta = 1\n\tb\n", "6:1: syntax error: unexpected EOF, expected )"),
        ("package main\n\nfunc main() {\n\ta := 1\n\ta++ ++\n}\n", "5:6: syntax error: unexpected ++ at end of statement"),
        ("package main\n\nfunc main() {\n\tif x := 1; x > 0 {\n\t} else if {\n\t}\n}\n", "5:12: syntax error: missing condition in if statement"),
        ("package main\n\nfunc main() {\n\tfor x := range {\n\t}\n}\n", "4:17: syntax error: unexpected {, expected expression"),
        ("package main\n\ntype I interface {\n\tM(\n}\n", "5:1: syntax error: unexpected }, expected )"),
        ("package main\n\nfunc main() {\n\t_ = x.(\n}\n", "5:1: syntax error: unexpected }, expected type"),
        ("package main\n\nfunc main() {\n\tx := 08\n\t_ = x\n}\n", "4:8: invalid digit '8' in octal literal"),
        ("package main\n\nfunc main() {\n\t_ = \"a\" \"b\"\n}\n", "4:10: syntax error: unexpected literal \"b\" at end of statement"),
        ("package main\n\nfunc main() {\n\t_ = f(a...b)\n}\n", "4:12: syntax error: unexpected name b in argument list; possibly missing comma or )"),

    ];
    for (src, want) in cases {
        assert_eq!(&err(src), want, "source:\n{}", src);
    }
}

#[test]
fn more_errors() {
    let f = |body: &str| err(&format!("package p\nfunc f() {{\n{}\n}}\n", body));
    assert_eq!(
        f("x :="),
        "4:1: syntax error: unexpected }, expected expression"
    );
    assert_eq!(
        f("a, b"),
        "3:5: syntax error: unexpected newline, expected := or = or comma"
    );
    assert_eq!(
        f("f(a b)"),
        "3:5: syntax error: unexpected name b in argument list; possibly missing comma or )"
    );
    assert_eq!(
        f("x[]"),
        "3:3: syntax error: unexpected ], expected operand"
    );
    assert_eq!(
        f("x.)"),
        "3:3: syntax error: unexpected ), expected name or ("
    );
    assert_eq!(
        f("x := y[1 2]"),
        "3:10: syntax error: unexpected literal 2, expected comma, : or ]"
    );
    assert_eq!(
        f("for i := 0; {"),
        "3:13: syntax error: unexpected {, expected for loop condition"
    );
    assert_eq!(
        f("x := (T){}"),
        "3:9: syntax error: cannot parenthesize type in composite literal"
    );
    assert_eq!(f("switch x\n{\n}"), "ok");
    assert_eq!(
        f("if x { } else"),
        "4:1: syntax error: else must be followed by if or statement block"
    );
    assert_eq!(
        f("var x"),
        "3:6: syntax error: unexpected newline, expected type"
    );
    assert_eq!(
        f("if x; {}"),
        "3:5: syntax error: missing condition in if statement"
    );
    assert_eq!(
        f("if x := 1 {}"),
        "3:6: syntax error: cannot use x := 1 as value"
    );
    assert_eq!(
        f("_ = <-chan<- int"),
        "3:17: syntax error: unexpected int, expected chan"
    );
    assert_eq!(
        f("_ = <-<-chan int"),
        "3:17: syntax error: unexpected <-, expected chan"
    );
    assert_eq!(f("x := <-chan<- int(c)"), "ok");
    assert_eq!(
        f("defer <-c"),
        "3:7: syntax error: unexpected <-, expected expression"
    );
    assert_eq!(
        f("_ = ~1"),
        "3:5: cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)"
    );
    assert_eq!(f("goto"), "4:1: syntax error: unexpected }, expected name");
    assert_eq!(
        err("package p\nfunc f(a ...int) (...int)\n"),
        "2:19: invalid use of ..."
    );
    assert_eq!(
        err("package p\nvar x = func[T any]() {}\n"),
        "2:13: syntax error: function type must have no type parameters"
    );
    assert_eq!(
        err("package p\ntype I interface{ m[P any]() }\n"),
        "2:20: interface method must have no type parameters"
    );
    assert_eq!(err("package p\ntype I interface{ J[int]; K }\n"), "ok");
    for ok in [
        "package p\ntype I interface{ ~int }\n",
        "package p\ntype N interface{ ~int | ~float64 | string; String() string }\n",
        "package p\nfunc F[T any](x T) T { return x }\n",
        "package p\ntype L[T any] struct{ next *L[T] }\n",
        "package p\ntype L[T interface{}] struct{}\n",
        "package p\ntype M[K comparable, V any] map[K]V\n",
        "package p\ntype P[T *int | *string] struct{}\n",
        "package p\nfunc (l *L[T]) Len() int { return 0 }\n",
        "package p\nvar x = F[int, string](1)\n",
    ] {
        assert_eq!(err(ok), "ok", "source:\n{ok}");
    }
    assert_eq!(
        err("package p\nconst x := 1\n"),
        "2:9: syntax error: unexpected :=, expected ="
    );
    assert_eq!(
        err("package p\nfunc f() {}\nfunc g() {} x\n"),
        "3:13: syntax error: unexpected name x after top level declaration"
    );
}

// ----------------------------------------------------------------------
// Robustness

const PROGRAM: &str = r#"// Package main is a small inventory simulator used to exercise the parser.
package main

import (
	"errors"
	"fmt"
	str "strings"
	_ "unsafe"
)

type Kind int

const (
	KindNone Kind = iota
	KindTool
	KindFood
	kindCount
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

var kindNames = [...]string{
	KindNone: "none",
	KindTool: "tool",
	KindFood: "food",
}

func (k Kind) String() string {
	if k < 0 || k >= kindCount {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

type Item struct {
	Name  string `json:"name"`
	Kind  Kind
	Price float64
	Tags  []string
	next  *Item
}

type Shelf struct {
	sync   chan struct{}
	items  map[string]*Item
	order  []string
	weight [4]uint16
	onAdd  func(*Item) error
}

type Store interface {
	Add(it *Item) error
	Get(name string) (*Item, bool)
	fmt.Stringer
}

var ErrExists = errors.New("item exists")

func NewShelf() *Shelf {
	return &Shelf{
		sync:  make(chan struct{}, 1),
		items: make(map[string]*Item),
	}
}

func (s *Shelf) Add(it *Item) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("add %q: %v", it.Name, r)
		}
	}()
	if _, ok := s.items[it.Name]; ok {
		return ErrExists
	} else if it.Price < 0 {
		panic("negative price")
	}
	s.items[it.Name] = it
	s.order = append(s.order, it.Name)
	if s.onAdd != nil {
		return s.onAdd(it)
	}
	return nil
}

func (s *Shelf) Get(name string) (*Item, bool) {
	it, ok := s.items[name]
	return it, ok
}

func (s *Shelf) String() string {
	var b str.Builder
	for i, name := range s.order {
		if i > 0 {
			b.WriteString(", ")
		}
		it := s.items[name]
		fmt.Fprintf(&b, "%s(%v)=%.2f", it.Name, it.Kind, it.Price)
	}
	return "[" + b.String() + "]"
}

func total(items ...*Item) (sum float64) {
	for _, it := range items {
		switch {
		case it == nil:
			continue
		case it.Kind == KindFood && it.Price > 10:
			sum += it.Price * 0.9
		default:
			sum += it.Price
		}
	}
	return
}

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	case *Item:
		return "item " + x.Name
	case error:
		return "error " + x.Error()
	default:
		_ = x
		return "other"
	}
}

func producer(n int, out chan<- int, done <-chan bool) {
	defer close(out)
	for i := 0; i < n; i++ {
		select {
		case out <- i * i:
		case <-done:
			return
		}
	}
}

func matrix(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := 0; j < n; j++ {
			m[i][j] = float64(i*n+j) / 2.5e1
		}
	}
	return m[:n:n]
}

func bits(x uint32) (ones int) {
	for x != 0 {
		x &= x - 1
		ones++
	}
	return ones &^ 0
}

func main() {
	s := NewShelf()
	s.onAdd = func(it *Item) error {
		if len(it.Tags) == 0 {
			it.Tags = []string{"untagged"}
		}
		return nil
	}
	items := []*Item{
		{Name: "hammer", Kind: KindTool, Price: 12.5},
		{Name: "apple", Kind: KindFood, Price: 0.5, Tags: []string{"fruit", "red"}},
		&Item{Name: "bread", Kind: KindFood, Price: 11},
	}
	for _, it := range items {
		if err := s.Add(it); err != nil {
			fmt.Println("error:", err)
		}
	}
	if err := s.Add(items[0]); !errors.Is(err, ErrExists) {
		fmt.Println("expected ErrExists")
	}
	fmt.Println(s, total(items...), KB, MB, GB)
	fmt.Println(classify(1), classify(items[1]), classify(ErrExists), classify(nil), classify('x'))

	out := make(chan int)
	done := make(chan bool)
	go producer(5, out, done)
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println("sum", sum, bits(0xF0F0), matrix(3)[2][1])

	var grid [3][3]rune
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = '.'
		}
	}
	grid[1][1] = '\u2605'
outer:
	for i := 0; ; i++ {
		switch i % 3 {
		case 0:
			continue
		case 1:
			if i > 6 {
				break outer
			}
			fallthrough
		default:
			goto next
		}
	next:
	}
	p := &grid[0]
	(*p)[0] = 'x'
	m := map[Kind][]string{KindTool: {"a"}, KindFood: nil}
	delete(m, KindFood)
	x, y := 1, 2
	x, y = y, x
	const big = 1_000_000
	fmt.Printf("%c %d %d %v %x\n", grid[0][0], x<<2|y, big, len(m), 0b1010_1010)
}
"#;

#[test]
fn parses_realistic_program() {
    let f = parse(PROGRAM);
    assert_eq!(f.package.name, "main");
    assert_eq!(f.imports.len(), 4);
    let funcs = f
        .decls
        .iter()
        .filter(|d| matches!(d, Decl::Func(_)))
        .count();
    assert_eq!(funcs, 11);
    // Every expression has its own id (the program has no grouped parameters,
    // whose type clones share one).
    let dbg = format!("{:?}", f);
    let mut ids: Vec<u32> = dbg
        .match_indices("Expr { id: ")
        .map(|(i, m)| {
            let rest = &dbg[i + m.len()..];
            rest[..rest.find(',').unwrap()].parse().unwrap()
        })
        .collect();
    let n = ids.len();
    assert!(n > 500, "{}", n);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // The real Go toolchain agrees that it is valid syntax: it was checked with `go vet`.
}

#[test]
fn prefixes_never_panic() {
    // Every prefix of a valid program must give Ok or Err, without panicking.
    let src = PROGRAM.as_bytes();
    for n in 0..=src.len() {
        let mut id = 0;
        let _ = parse_file("t.go", &src[..n], 0, &mut id);
    }
    // And every single-byte deletion in its first part.
    for n in 0..src.len().min(1500) {
        let mut v = src.to_vec();
        v.remove(n);
        let mut id = 0;
        let _ = parse_file("t.go", &v, 0, &mut id);
    }
}

#[test]
fn garbage_never_panics() {
    let mut seed: u64 = 0x1234_5678_9abc_def0;
    let alphabet: &[u8] = b"()[]{},;:.=+-*/%&|^<>!~\"'`\\ \n\tabcxyz019_eEpPxXiI\x00\xff\xc3\xa9funcforiftypevarconstrangego";
    for _ in 0..3000 {
        let len = (seed % 60) as usize;
        let mut v = b"package p\n".to_vec();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            v.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let mut id = 0;
        let _ = parse_file("t.go", &v, 0, &mut id);
    }
}

#[test]
fn deep_nesting() {
    let run = || {
        // Debug builds use ~10-25 KiB of stack per level, release ~2-3 KiB.
        let max = if cfg!(debug_assertions) { 40 } else { 300 };
        for depth in [10usize, 30, max] {
            let src = format!(
                "package p\nvar x = {}1{}\n",
                "(".repeat(depth),
                ")".repeat(depth)
            );
            assert_eq!(err(&src), "ok", "depth {}", depth);
            let src = format!("package p\nvar x = {}1\n", "- ".repeat(depth));
            assert_eq!(err(&src), "ok");
            let src = format!("package p\nvar x {}int\n", "[]".repeat(depth));
            assert_eq!(err(&src), "ok");
            let src = format!(
                "package p\nfunc f() {{ {} }}\n",
                "{".repeat(depth) + &"}".repeat(depth)
            );
            assert_eq!(err(&src), "ok");
        }
        // Absurd depth: an error, not a stack overflow.
        let src = format!(
            "package p\nvar x = {}1{}\n",
            "(".repeat(100_000),
            ")".repeat(100_000)
        );
        assert!(err(&src).contains("nesting too deep"));
        let src = format!("package p\nvar x = {}\n", "[]int{".repeat(100_000));
        assert!(err(&src).contains("nesting too deep"));
    };
    // Run with a modest stack, like a test thread's default.
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

/// Differential checking against real Go: parses every `.go` file under
/// `$GOC_ORACLE_DIR` and prints `path: line:col: message` (or `ok`), to be
/// compared with `go build`'s output. Run with `--ignored --nocapture`.
#[test]
#[ignore]
fn oracle_dump() {
    let Ok(dir) = std::env::var("GOC_ORACLE_DIR") else {
        return;
    };
    let mut files = Vec::new();
    fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    walk(std::path::Path::new(&dir), &mut files);
    files.sort();
    let start = std::time::Instant::now();
    let mut bytes = 0;
    for f in &files {
        let src = std::fs::read(f).unwrap();
        bytes += src.len();
        println!("{}: {}", f.display(), err_of(&src));
    }
    eprintln!(
        "{} files, {} bytes in {:?}",
        files.len(),
        bytes,
        start.elapsed()
    );
}

/// Throughput of the lexer and the parser over the `.go` files under
/// `$GOC_ORACLE_DIR`. Run in release with `--ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let Ok(dir) = std::env::var("GOC_ORACLE_DIR") else {
        return;
    };
    let mut srcs = Vec::new();
    fn walk(d: &std::path::Path, out: &mut Vec<Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("testdata") {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(std::fs::read(&p).unwrap());
            }
        }
    }
    walk(std::path::Path::new(&dir), &mut srcs);
    let bytes: usize = srcs.iter().map(|s| s.len()).sum();
    let t = std::time::Instant::now();
    let mut ntok = 0usize;
    for s in &srcs {
        let mut lx = Lexer::new(s, 0);
        loop {
            lx.next();
            ntok += 1;
            if lx.tok == Tok::Eof {
                break;
            }
        }
    }
    let lex = t.elapsed();
    let t = std::time::Instant::now();
    let mut ok = 0;
    let mut id = 0;
    for s in &srcs {
        if parse_file("x.go", s, 0, &mut id).is_ok() {
            ok += 1;
        }
    }
    let parse = t.elapsed();
    eprintln!(
        "{} files ({} ok), {} MB, {} tokens: lex {:?} ({:.0} MB/s), parse {:?} ({:.0} MB/s)",
        srcs.len(),
        ok,
        bytes >> 20,
        ntok,
        lex,
        bytes as f64 / lex.as_secs_f64() / 1e6,
        parse,
        bytes as f64 / parse.as_secs_f64() / 1e6
    );
}

/// Mutation fuzzing over the `.go` files under `$GOC_ORACLE_DIR`: random
/// byte deletions, duplications and replacements must never panic. Run in
/// release with `--ignored`.
#[test]
#[ignore]
fn fuzz_mutations() {
    let Ok(dir) = std::env::var("GOC_ORACLE_DIR") else {
        return;
    };
    let mut files = Vec::new();
    fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    walk(std::path::Path::new(&dir), &mut files);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces: &[&[u8]] = &[
        b"(", b")", b"{", b"}", b"[", b"]", b"\n", b"\"", b"'", b"`", b"/*", b"func", b"...",
        b":=", b",", b"<-", b"\xff", b"type", b"[]",
    ];
    for f in &files {
        let src = std::fs::read(f).unwrap();
        if src.is_empty() || src.len() > 200_000 {
            continue;
        }
        for _ in 0..8 {
            let mut v = src.clone();
            for _ in 0..(1 + rnd() % 3) {
                let at = (rnd() as usize) % v.len().max(1);
                match rnd() % 3 {
                    0 => {
                        let n = (1 + rnd() % 8) as usize;
                        let end = (at + n).min(v.len());
                        v.drain(at..end);
                    }
                    1 => {
                        let p = pieces[(rnd() as usize) % pieces.len()];
                        let at = at.min(v.len());
                        v.splice(at..at, p.iter().copied());
                    }
                    _ => {
                        let n = (rnd() % 40) as usize;
                        let end = (at + n).min(v.len());
                        v.truncate(end);
                    }
                }
            }
            let mut id = 0;
            let _ = parse_file("x.go", &v, 0, &mut id);
        }
    }
}
