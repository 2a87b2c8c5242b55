//! Go's short spelling of an expression, as its type checker quotes
//! expressions in error messages: `x + 1`, `f(a, b)`, `[]int{…}`.

use crate::syntax::ast::{ChanDir, Expr, ExprKind, FuncType};

pub fn expr_string(e: &Expr) -> String {
    let mut s = String::new();
    write_expr(e, &mut s);
    s
}

fn write_list(es: &[Expr], s: &mut String) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_expr(e, s);
    }
}

fn write_sig(ft: &FuncType, s: &mut String) {
    s.push('(');
    for (i, p) in ft.params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(n) = &p.name {
            s.push_str(&n.name);
            s.push(' ');
        }
        write_expr(&p.ty, s);
    }
    s.push(')');
    match ft.results.len() {
        0 => {}
        1 if ft.results[0].name.is_none() => {
            s.push(' ');
            write_expr(&ft.results[0].ty, s);
        }
        _ => {
            s.push_str(" (");
            for (i, p) in ft.results.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                if let Some(n) = &p.name {
                    s.push_str(&n.name);
                    s.push(' ');
                }
                write_expr(&p.ty, s);
            }
            s.push(')');
        }
    }
}

fn write_expr(e: &Expr, s: &mut String) {
    match &e.kind {
        ExprKind::Ident(n) => s.push_str(n),
        ExprKind::BasicLit { raw, .. } => s.push_str(raw),
        ExprKind::CompositeLit { ty, elts, .. } => {
            if let Some(t) = ty {
                write_expr(t, s);
            }
            s.push_str(if elts.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue(k, v) => {
            write_expr(k, s);
            s.push_str(": ");
            write_expr(v, s);
        }
        ExprKind::FuncLit { sig, .. } => {
            s.push_str("func");
            write_sig(sig, s);
            s.push_str(" {…}");
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(x, s);
            s.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(x, s);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index(x, idx) => {
            write_expr(x, s);
            s.push('[');
            write_list(idx, s);
            s.push(']');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            write_expr(x, s);
            s.push('[');
            if let Some(lo) = lo {
                write_expr(lo, s);
            }
            s.push(':');
            if let Some(hi) = hi {
                write_expr(hi, s);
            }
            if *three {
                s.push(':');
                if let Some(m) = max {
                    write_expr(m, s);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert(x, ty) => {
            write_expr(x, s);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(t, s),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
            ..
        } => {
            write_expr(func, s);
            s.push('(');
            write_list(args, s);
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(x, s);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(op.as_str());
            write_expr(x, s);
        }
        ExprKind::Binary { op, x, y, .. } => {
            write_expr(x, s);
            s.push(' ');
            s.push_str(op.as_str());
            s.push(' ');
            write_expr(y, s);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            if let Some(l) = len {
                write_expr(l, s);
            }
            s.push(']');
            write_expr(elem, s);
        }
        ExprKind::Ellipsis(x) => {
            s.push_str("...");
            if let Some(x) = x {
                write_expr(x, s);
            }
        }
        ExprKind::StructType(fields) => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                for (j, n) in f.names.iter().enumerate() {
                    if j > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&n.name);
                }
                if !f.names.is_empty() {
                    s.push(' ');
                }
                write_expr(&f.ty, s);
            }
            s.push('}');
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(ft, s);
        }
        ExprKind::InterfaceType(elems) => {
            s.push_str(if elems.is_empty() {
                "interface{}"
            } else {
                "interface{…}"
            });
        }
        ExprKind::MapType(k, v) => {
            s.push_str("map[");
            write_expr(k, s);
            s.push(']');
            write_expr(v, s);
        }
        ExprKind::ChanType(dir, elem) => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(elem, s);
        }
        ExprKind::Bad => s.push('_'),
    }
}
