/*
 * explain.c: `httperror explain`: given a response head (curl -sI, curl
 * -sv), a HAR file or log lines, say which status it is, which hop most
 * likely produced it and which documented cause matches, with the fix.
 *
 * Everything it knows is data from the registry (<explain> and each entry's
 * <signatures>, xml/README.md), compiled into the reader's data by
 * out_data.c: the hops with the headers that tell them, the log formats with
 * the groups that hold the status and a detail field, and the signatures,
 * each a cause with the matchers that recognise it.  This file only reads
 * HTTP's own syntax (a status line, "Name: value", HAR's JSON) and applies
 * the patterns.
 *
 * A head is explained on its own; log lines are grouped by what they say
 * (status, cause, format), most frequent first.  Input is never printed as
 * it came: control characters become '?', so a hostile log line cannot
 * drive the terminal.  Exit: 0 when something was explained, 1 when nothing
 * was recognised.
 */
#include <sys/types.h>

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>
#include <sqlite3.h>

#include "buf.h"
#include "escape.h"
#include "msg.h"
#include "reader.h"
#include "xalloc.h"

#define INPUT_MAX	(64UL * 1024 * 1024)	/* what is read from stdin */
#define HEADERS_MAX	128			/* per head */
#define JSON_VERSION	1

enum { K_LINE, K_FIELD, K_HEADER, K_BODY, K_HOP, K_HOPBODY };
#define BODY_MAX	(64 * 1024)	/* of a response's body, what is read */

struct xmatch {
	int	 kind;
	char	*target;	/* a format's id, a header's name */
	char	*pattern;	/* "" for a header that only has to be there */
	regex_t	 re;
	int	 compiled;
};

struct xhop {
	char		*id, *name, *note;
	struct xmatch	*h;
	size_t		 nh;
};

struct xformat {
	char	*id, *name, *hop;
	regex_t	 re;
	int	 compiled;
	int	 status, field;
};

struct xsig {
	long		 entry;
	char		*code;		/* its entry's */
	char		*hop, *says, *fix;
	struct xmatch	*m;
	size_t		 nm;
};

struct xk {
	struct xhop	*hops;
	size_t		 nhops;
	struct xformat	*formats;
	size_t		 nformats;
	struct xsig	*sigs;
	size_t		 nsigs;
};

struct header {
	const char	*name, *value;	/* into the input */
	size_t		 nlen, vlen;
};

/* One thing explained: a head, a HAR entry, or a group of like log lines. */
struct result {
	char		 code[8];	/* 502, or "" when unknown */
	const char	*input;		/* "head", "har", or a format's id */
	const char	*input_name;
	const struct xsig	*sig;
	const char	*hop;		/* the hop's id, or NULL */
	char		*evidence;	/* "server: awselb/2.0", or NULL */
	char		*also;		/* other hops seen, with their evidence */
	char		*sample;	/* the line, or the request (HAR) */
	long		 count, first;	/* lines, and the first one's number */
	size_t		 seq;		/* the order it was found in */
};

struct xrun {
	struct rd	*r;
	struct xk	 k;
	struct result	*v;
	size_t		 n, cap;
	long		 lines, other, unknown, fine;	/* fine: 1xx to 3xx */
};

/* ===== The knowledge, from the data ===== */

static int
x_compile(struct rd *r, regex_t *re, const char *pat, int flags)
{
	char	 err[160];
	int	 rc;

	if ((rc = regcomp(re, pat, REG_EXTENDED | flags)) != 0) {
		regerror(rc, re, err, sizeof(err));
		msg(MSG_SYSERR, r->path, 0, 0, "pattern '%s': %s", pat, err);
		return -1;
	}
	return 0;
}

static int
x_kind(const char *s)
{
	if (strcmp(s, "line") == 0)
		return K_LINE;
	if (strcmp(s, "field") == 0)
		return K_FIELD;
	if (strcmp(s, "header") == 0)
		return K_HEADER;
	if (strcmp(s, "body") == 0)
		return K_BODY;
	if (strcmp(s, "hop-body") == 0)
		return K_HOPBODY;
	return K_HOP;
}

/* The matchers of one owner: a signature's seq, or a hop's id. */
static int
x_matchers(struct rd *r, sqlite3_stmt *st, const char *owner,
    struct xmatch **mp, size_t *np)
{
	struct xmatch	*m;
	int		 rc = 0;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*mp = xreallocarray(*mp, *np + 1, sizeof(**mp));
		m = &(*mp)[(*np)++];
		memset(m, 0, sizeof(*m));
		m->kind = x_kind(col(st, 0));
		m->target = xstrdup(col(st, 1));
		m->pattern = xstrdup(col(st, 2));
		if (*m->pattern == '\0')
			continue;
		/* A body's match is where its line is found (x_body). */
		if (x_compile(r, &m->re, m->pattern,
		    (m->kind == K_HEADER || m->kind == K_HOP ? REG_ICASE : 0) |
		    (m->kind == K_BODY || m->kind == K_HOPBODY ? REG_NEWLINE :
		    REG_NOSUB))
		    == -1)
			rc = -1;
		else
			m->compiled = 1;
	}
	return rc;
}

static int
x_load(struct rd *r, struct xk *k)
{
	sqlite3_stmt	*st, *mt;
	char		 owner[24];
	int		 rc = 0;

	if ((mt = rd_prepare(r, "SELECT kind, target, pattern FROM matcher "
	    "WHERE owner = ? ORDER BY seq")) == NULL)
		return -1;
	if ((st = rd_prepare(r, "SELECT id, name, note FROM hop ORDER BY seq"))
	    == NULL)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct xhop	*h;

		k->hops = xreallocarray(k->hops, k->nhops + 1, sizeof(*k->hops));
		h = &k->hops[k->nhops++];
		memset(h, 0, sizeof(*h));
		h->id = xstrdup(col(st, 0));
		h->name = xstrdup(col(st, 1));
		h->note = xstrdup(col(st, 2));
		if (x_matchers(r, mt, h->id, &h->h, &h->nh) == -1)
			rc = -1;
	}
	sqlite3_finalize(st);
	if ((st = rd_prepare(r, "SELECT id, name, hop, pattern, status, field "
	    "FROM format ORDER BY seq")) == NULL)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct xformat	*f;

		k->formats = xreallocarray(k->formats, k->nformats + 1,
		    sizeof(*k->formats));
		f = &k->formats[k->nformats++];
		memset(f, 0, sizeof(*f));
		f->id = xstrdup(col(st, 0));
		f->name = xstrdup(col(st, 1));
		f->hop = *col(st, 2) != '\0' ? xstrdup(col(st, 2)) : NULL;
		f->status = sqlite3_column_int(st, 4);
		f->field = sqlite3_column_int(st, 5);
		if (x_compile(r, &f->re, col(st, 3), 0) == -1)
			rc = -1;
		else
			f->compiled = 1;
	}
	sqlite3_finalize(st);
	if ((st = rd_prepare(r, "SELECT s.seq, s.entry, e.code, s.hop, s.says, "
	    "s.fix FROM signature s JOIN entry e ON e.id = s.entry "
	    "ORDER BY s.seq")) == NULL)
		goto fail;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct xsig	*s;

		k->sigs = xreallocarray(k->sigs, k->nsigs + 1, sizeof(*k->sigs));
		s = &k->sigs[k->nsigs++];
		memset(s, 0, sizeof(*s));
		s->entry = sqlite3_column_int64(st, 1);
		s->code = xstrdup(col(st, 2));
		s->hop = *col(st, 3) != '\0' ? xstrdup(col(st, 3)) : NULL;
		s->says = xstrdup(col(st, 4));
		s->fix = xstrdup(col(st, 5));
		snprintf(owner, sizeof(owner), "%lld",
		    (long long)sqlite3_column_int64(st, 0));
		if (x_matchers(r, mt, owner, &s->m, &s->nm) == -1)
			rc = -1;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(mt);
	return rc;
fail:
	sqlite3_finalize(mt);
	return -1;
}

static void
x_matches_free(struct xmatch *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (m[i].compiled)
			regfree(&m[i].re);
		free(m[i].target);
		free(m[i].pattern);
	}
	free(m);
}

static void
x_free(struct xk *k)
{
	size_t	 i;

	for (i = 0; i < k->nhops; i++) {
		free(k->hops[i].id);
		free(k->hops[i].name);
		free(k->hops[i].note);
		x_matches_free(k->hops[i].h, k->hops[i].nh);
	}
	free(k->hops);
	for (i = 0; i < k->nformats; i++) {
		if (k->formats[i].compiled)
			regfree(&k->formats[i].re);
		free(k->formats[i].id);
		free(k->formats[i].name);
		free(k->formats[i].hop);
	}
	free(k->formats);
	for (i = 0; i < k->nsigs; i++) {
		free(k->sigs[i].code);
		free(k->sigs[i].hop);
		free(k->sigs[i].says);
		free(k->sigs[i].fix);
		x_matches_free(k->sigs[i].m, k->sigs[i].nm);
	}
	free(k->sigs);
}

static const struct xhop *
x_hop(const struct xk *k, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < k->nhops; i++)
		if (strcmp(k->hops[i].id, id) == 0)
			return &k->hops[i];
	return NULL;
}

static const struct xformat *
x_format(const struct xk *k, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < k->nformats; i++)
		if (strcmp(k->formats[i].id, id) == 0)
			return &k->formats[i];
	return NULL;
}

/* ===== Matching ===== */

/* Input as it may be printed: a control character (C0, DEL, C1) is '?'. */
static char *
x_clean(const char *s, size_t len)
{
	return esc_tty(xstrndup(s, len));
}

static int
x_re(const regex_t *re, const char *s, size_t len)
{
	char	*t = xstrndup(s, len);
	int	 hit = regexec(re, t, 0, NULL, 0) == 0;

	free(t);
	return hit;
}

/* The header among hv named name, if its value matches m; its index or -1. */
static int
x_header(const struct xmatch *m, const struct header *hv, size_t nh)
{
	size_t	 i;

	for (i = 0; i < nh; i++) {
		if (hv[i].nlen != strlen(m->target) ||
		    strncasecmp(hv[i].name, m->target, hv[i].nlen) != 0)
			continue;
		if (!m->compiled || x_re(&m->re, hv[i].value, hv[i].vlen))
			return (int)i;
	}
	return -1;
}

static char *
x_evidence(const struct header *h)
{
	char	*raw = xasprintf("%.*s: %.*s", (int)h->nlen, h->name,
	    (int)(h->vlen > 60 ? 60 : h->vlen), h->value);
	char	*s = x_clean(raw, strlen(raw));

	free(raw);
	return s;
}

static struct result *
x_push(struct xrun *x)
{
	struct result	*res;

	if (x->n == x->cap) {
		x->cap = x->cap == 0 ? 16 : xmul(x->cap, 2);
		x->v = xreallocarray(x->v, x->cap, sizeof(*x->v));
	}
	res = &x->v[x->n];
	memset(res, 0, sizeof(*res));
	res->seq = x->n++;
	return res;
}

/* The line of body that m matches, as evidence, or NULL. */
static char *
x_body(const struct xmatch *m, const char *body)
{
	regmatch_t	 r[1];
	const char	*b, *e;
	char		*raw, *s;

	if (body == NULL || !m->compiled || regexec(&m->re, body, 1, r, 0) != 0)
		return NULL;
	for (b = body + r[0].rm_so; b > body && b[-1] != '\n'; b--)
		;
	if ((e = strchr(b, '\n')) == NULL)
		e = b + strlen(b);
	raw = xasprintf("body: %.*s", (int)(e - b > 60 ? 60 : e - b), b);
	s = x_clean(raw, strlen(raw));
	free(raw);
	return s;
}

/*
 * A response head: its status, and its headers, whatever carried them, and
 * the body after it if there was one (NULL).
 */
static void
x_head(struct xrun *x, int status, const struct header *hv, size_t nh,
    const char *body, const char *input, const char *input_name,
    const char *sample)
{
	const struct xk	*k = &x->k;
	struct result	*res = x_push(x);
	struct buf	 also;
	size_t		 i, j;
	int		 at;

	snprintf(res->code, sizeof(res->code), status == 0 ? "000" : "%d",
	    status);
	res->input = input;
	res->input_name = input_name;
	res->count = 1;
	res->sample = sample != NULL ? x_clean(sample, strlen(sample)) : NULL;
	/* The first signature of this status that a header or the body matches. */
	for (i = 0; i < k->nsigs && res->sig == NULL; i++) {
		if (strcmp(k->sigs[i].code, res->code) != 0)
			continue;
		for (j = 0; j < k->sigs[i].nm; j++) {
			const struct xmatch	*m = &k->sigs[i].m[j];

			if (m->kind == K_HEADER && (at = x_header(m, hv, nh)) != -1)
				res->evidence = x_evidence(&hv[at]);
			else if (m->kind == K_BODY)
				res->evidence = x_body(m, body);
			if (res->evidence != NULL) {
				res->sig = &k->sigs[i];
				res->hop = k->sigs[i].hop;
				break;
			}
		}
	}
	/* The hops the headers name, in the registry's order. */
	buf_init(&also);
	for (i = 0; i < k->nhops; i++) {
		const struct xhop	*h = &k->hops[i];
		char			*ev = NULL;

		for (j = 0; j < h->nh && ev == NULL; j++)
			if (h->h[j].kind == K_HOPBODY)
				ev = x_body(&h->h[j], body);
			else if ((at = x_header(&h->h[j], hv, nh)) != -1)
				ev = x_evidence(&hv[at]);
		if (ev == NULL)
			continue;
		if (res->hop == NULL && res->evidence == NULL) {
			res->hop = h->id;
			res->evidence = ev;
			continue;
		}
		if (res->hop == NULL)
			res->hop = h->id;
		if (strcmp(res->hop, h->id) != 0)
			buf_printf(&also, "%s%s (%s)", also.len > 0 ? "; " : "",
			    h->name, ev);
		free(ev);
	}
	res->also = also.len > 0 ? buf_detach(&also) : NULL;
	buf_release(&also);
}

/* The group g of a match in s, or NULL. */
static char *
x_group(const char *s, const regmatch_t *m, int g)
{
	if (g <= 0 || m[g].rm_so < 0)
		return NULL;
	return xstrndup(s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
}

/* Whether signature s matches line (of format f), or its detail field. */
static int
x_sig_line(const struct xsig *s, const struct xformat *f, const char *line,
    const char *field)
{
	size_t	 j;

	for (j = 0; j < s->nm; j++) {
		const struct xmatch	*m = &s->m[j];

		if (m->kind == K_HEADER || !m->compiled)
			continue;
		if (f != NULL && strcmp(m->target, f->id) != 0)
			continue;
		if (m->kind == K_LINE &&
		    regexec(&m->re, line, 0, NULL, 0) == 0)
			return 1;
		if (m->kind == K_FIELD && field != NULL &&
		    regexec(&m->re, field, 0, NULL, 0) == 0)
			return 1;
	}
	return 0;
}

/*
 * One log line: grouped with the like lines before it.  -1, counting
 * nothing, when no format or signature knows it.
 */
static int
x_line(struct xrun *x, const char *line, long lineno)
{
	const struct xk		*k = &x->k;
	const struct xformat	*f = NULL;
	const struct xsig	*sig = NULL;
	regmatch_t		 m[10];
	char			*status = NULL, *field = NULL, code[8] = "";
	const char		*hop;
	struct result		*res;
	size_t			 i;

	for (i = 0; i < k->nformats; i++)
		if (k->formats[i].compiled &&
		    regexec(&k->formats[i].re, line, 10, m, 0) == 0) {
			f = &k->formats[i];
			status = x_group(line, m, f->status);
			field = x_group(line, m, f->field);
			break;
		}
	if (status != NULL && strlen(status) < sizeof(code))
		memcpy(code, status, strlen(status) + 1);
	for (i = 0; i < k->nsigs && sig == NULL; i++) {
		if (*code != '\0' && strcmp(k->sigs[i].code, code) != 0)
			continue;
		/* A message pasted without its prefix matches any format's. */
		if (x_sig_line(&k->sigs[i], f, line, field))
			sig = &k->sigs[i];
	}
	if (f == NULL && sig != NULL) {
		for (i = 0; i < sig->nm; i++)
			if (sig->m[i].kind == K_LINE)
				break;
		f = i < sig->nm ? x_format(k, sig->m[i].target) : NULL;
	}
	if (sig != NULL && *code == '\0')
		snprintf(code, sizeof(code), "%s", sig->code);
	free(status);
	free(field);
	if (f == NULL && sig == NULL)
		return -1;
	x->lines++;
	if (*code == '\0') {
		x->other++;
		return 0;
	}
	hop = sig != NULL && sig->hop != NULL ? sig->hop :
	    f != NULL ? f->hop : NULL;
	for (i = 0; i < x->n; i++) {
		res = &x->v[i];
		if (res->first > 0 && strcmp(res->code, code) == 0 &&
		    res->sig == sig && strcmp(res->input, f != NULL ? f->id :
		    "line") == 0) {
			res->count++;
			return 0;
		}
	}
	res = x_push(x);
	memcpy(res->code, code, sizeof(code));
	res->input = f != NULL ? f->id : "line";
	res->input_name = f != NULL ? f->name : "a log line";
	res->sig = sig;
	res->hop = hop;
	res->sample = x_clean(line, strlen(line));
	res->count = 1;
	res->first = lineno;
	return 0;
}

/* ===== Reading the input ===== */

/* "HTTP/1.1 502 Bad Gateway", "HTTP/2 502": its status, or -1. */
static int
x_status_line(const char *s, size_t len)
{
	size_t	 i = 5;

	if (len < 10 || strncmp(s, "HTTP/", 5) != 0)
		return -1;
	while (i < len && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (i == 5 || i + 4 > len || s[i] != ' ' || s[i + 1] < '1' ||
	    s[i + 1] > '5' || s[i + 2] < '0' || s[i + 2] > '9' ||
	    s[i + 3] < '0' || s[i + 3] > '9' ||
	    (i + 4 < len && s[i + 4] != ' '))
		return -1;
	return (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + s[i + 3] - '0';
}

/* "Name: value": the header, or 0. */
static int
x_header_line(const char *s, size_t len, struct header *h)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		unsigned char	 c = (unsigned char)s[i];

		if (c == ':')
			break;
		if (!(c == '-' || c == '_' || (c >= '0' && c <= '9') ||
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return 0;
	}
	if (i == 0 || i == len)
		return 0;
	h->name = s;
	h->nlen = i;
	for (i++; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	h->value = s + i;
	h->vlen = len - i;
	while (h->vlen > 0 && (h->value[h->vlen - 1] == ' ' ||
	    h->value[h->vlen - 1] == '\t'))
		h->vlen--;
	return 1;
}

struct xline {
	const char	*s;
	size_t		 len;
};

/* The lines of text, without their CR; in *np. */
static struct xline *
x_lines(char *text, size_t *np)
{
	struct xline	*v = NULL;
	size_t		 n = 0, cap = 0;
	char		*p = text, *nl;

	while (*p != '\0') {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		if (n == cap) {
			cap = cap == 0 ? 256 : xmul(cap, 2);
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[n].s = p;
		v[n].len = strlen(p);
		if (v[n].len > 0 && p[v[n].len - 1] == '\r')
			p[--v[n].len] = '\0';
		n++;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*np = n;
	return v;
}

/*
 * A HAR file: each entry whose response is an error (or never came, 0),
 * else the last one.  0 if the text is not a HAR.
 */
static int
x_har(struct xrun *x, const char *text)
{
	json_t		*root, *entries, *e, *resp, *hs, *h, *req;
	struct header	 hv[HEADERS_MAX];
	size_t		 i, j, n, last;
	int		 status, any = 0;

	if ((root = json_loads(text, JSON_REJECT_DUPLICATES, NULL)) == NULL)
		return 0;
	entries = json_object_get(json_object_get(root, "log"), "entries");
	if (!json_is_array(entries) || (n = json_array_size(entries)) == 0) {
		json_decref(root);
		return 0;
	}
	last = n - 1;
	for (i = 0; i < n; i++) {
		e = json_array_get(entries, i);
		resp = json_object_get(e, "response");
		if (!json_is_integer(json_object_get(resp, "status")))
			continue;
		status = (int)json_integer_value(json_object_get(resp,
		    "status"));
		if (status < 0 || status > 599 || (status > 0 && status < 400 &&
		    (i != last || any)))
			continue;
		hs = json_object_get(resp, "headers");
		for (j = 0; j < json_array_size(hs) && j < HEADERS_MAX; j++) {
			const char	*nm, *vl;

			h = json_array_get(hs, j);
			nm = json_string_value(json_object_get(h, "name"));
			vl = json_string_value(json_object_get(h, "value"));
			hv[j].name = nm != NULL ? nm : "";
			hv[j].nlen = strlen(hv[j].name);
			hv[j].value = vl != NULL ? vl : "";
			hv[j].vlen = strlen(hv[j].value);
		}
		req = json_object_get(e, "request");
		{
			const char	*method = json_string_value(
			    json_object_get(req, "method"));
			const char	*url = json_string_value(
			    json_object_get(req, "url"));
			char		*sample = xasprintf("%s %s",
			    method != NULL ? method : "?", url != NULL ? url : "?");

			x_head(x, status, hv, j, json_string_value(
			    json_object_get(json_object_get(resp, "content"),
			    "text")), "har", "a HAR entry", sample);
			free(sample);
		}
		any = 1;
	}
	json_decref(root);
	return 1;
}

/*
 * Heads (a status line and the headers after it, with or without curl -v's
 * "< "), their bodies, and every other line as a log line.  curl -v's own
 * lines ("*") are log lines too, for curl's error messages; its request and
 * data lines (">", "{", "}") are skipped.  After a head, a line that no
 * format or signature knows is that response's body (curl -si, curl -sv
 * with its output), up to BODY_MAX.
 */
struct head_at {
	size_t		 nh;
	int		 status;
	struct header	 hv[HEADERS_MAX];
	struct buf	 body;
};

static void
x_text(struct xrun *x, char *text)
{
	struct xline	*v;
	struct head_at	*heads = NULL, *hd;
	size_t		 n, i, nheads = 0;

	v = x_lines(text, &n);
	for (i = 0; i < n; i++) {
		const char	*s = v[i].s;
		size_t		 len = v[i].len, pre = 0;
		int		 status;

		if (len >= 2 && s[0] == '<' && s[1] == ' ')
			pre = 2;
		if ((status = x_status_line(s + pre, len - pre)) == -1) {
			/* curl -v's request, response and data lines. */
			if (len >= 1 && strchr("<>{}", s[0]) != NULL &&
			    (len == 1 || s[1] == ' '))
				continue;
			if (len == 0 || strspn(s, " \t") == len ||
			    x_line(x, s, (long)i + 1) == 0)
				continue;
			hd = nheads > 0 ? &heads[nheads - 1] : NULL;
			if (hd != NULL && hd->body.len + len + 1 < BODY_MAX) {
				buf_put(&hd->body, s, len);
				buf_putc(&hd->body, '\n');
			} else if (hd == NULL) {
				x->lines++;
				x->unknown++;
			}
			continue;
		}
		heads = xreallocarray(heads, nheads + 1, sizeof(*heads));
		hd = &heads[nheads++];
		hd->nh = 0;
		hd->status = status;
		buf_init(&hd->body);
		while (i + 1 < n && hd->nh < HEADERS_MAX) {
			const char	*t = v[i + 1].s;
			size_t		 tl = v[i + 1].len;

			if (pre > 0 && (tl < 2 || strncmp(t, "< ", 2) != 0))
				break;
			if (!x_header_line(t + pre, tl - pre, &hd->hv[hd->nh]))
				break;
			hd->nh++;
			i++;
		}
	}
	/*
	 * A 1xx or a 3xx followed by another head (100 Continue, a redirect
	 * curl -L followed) is a step on the way, not the answer.
	 */
	for (i = 0; i < nheads; i++) {
		hd = &heads[i];
		if (i + 1 == nheads || hd->status >= 400)
			x_head(x, hd->status, hd->hv, hd->nh, hd->body.len > 0 ?
			    hd->body.data : NULL, "head", hd->body.len > 0 ?
			    "a response head and body" : "a response head", NULL);
		buf_release(&hd->body);
	}
	free(heads);
	free(v);
}

/* ===== Output ===== */

/* The entry of res: its signature's, else the code's primary meaning. */
static sqlite3_stmt *
x_entry(struct rd *r, const struct result *res)
{
	sqlite3_stmt	*st;

	if (res->sig != NULL) {
		if ((st = rd_prepare(r, "SELECT e.code, e.phrase, e.tag, "
		    "e.class, c.name, e.tldr, e.man, e.info, e.slug FROM entry e "
		    "LEFT JOIN class c ON c.id = e.class WHERE e.id = ?")) == NULL)
			return NULL;
		sqlite3_bind_int64(st, 1, res->sig->entry);
	} else {
		if ((st = rd_prepare(r, "SELECT e.code, e.phrase, e.tag, "
		    "e.class, c.name, e.tldr, e.man, e.info, e.slug FROM entry e "
		    "LEFT JOIN class c ON c.id = e.class WHERE e.code = ? OR "
		    "e.id IN (SELECT entry FROM item WHERE key = 'also' AND "
		    "value = ?) ORDER BY e.prim DESC, e.id LIMIT 1")) == NULL)
			return NULL;
		sqlite3_bind_text(st, 1, res->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, res->code, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

#define INDENT	9	/* "  Cause: " */

/*
 * The input line, in two lines at most: wrapped at spaces, unless a word is
 * too long for a line (a JSON log line), then cut where the line ends.
 */
static void
x_sample(const struct rd *r, const char *s)
{
	size_t	 avail = r->width > INDENT + 8 ? (size_t)r->width - INDENT : 8;
	size_t	 run = 0, i, col, line;
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		run = *p == ' ' ? 0 : run + 1;
		if (run > avail)
			break;
	}
	if (*p == '\0') {
		rd_wrap_max(r, s, INDENT, INDENT, 1, 2);
		return;
	}
	for (line = 0, p = s; line < 2 && *p != '\0'; line++) {
		if (line > 0)
			printf("\n%*s", INDENT, "");
		for (col = 0; *p != '\0' && col < avail; col++) {
			/* A character whole: its lead byte and what follows. */
			i = 1;
			while (((unsigned char)p[i] & 0xC0) == 0x80)
				i++;
			if (line == 1 && col + 4 >= avail && p[i] != '\0') {
				fputs(" ...", stdout);
				p += strlen(p);
				break;
			}
			fwrite(p, 1, i, stdout);
			p += i;
		}
	}
	putchar('\n');
}

static void
x_print(struct xrun *x, const struct result *res)
{
	struct rd		*r = x->r;
	sqlite3_stmt		*e = x_entry(r, res);
	const struct xhop	*h = x_hop(&x->k, res->hop);
	char			*s;

	rd_on(r, S_CLASS, res->code);
	fputs(res->code, stdout);
	if (e != NULL) {
		printf(" %s", col(e, 1));
		rd_off(r, S_CLASS);
		if (*col(e, 2) != '\0')
			printf(" [%s]", col(e, 2));
		if (*col(e, 4) != '\0')
			printf(" (%s, %s)", col(e, 3), col(e, 4));
	} else
		rd_off(r, S_CLASS);
	putchar('\n');
	if (res->count > 1)
		s = xasprintf("%s: %ld such lines, the first on line %ld",
		    res->input_name, res->count, res->first);
	else if (res->first > 0)
		s = xasprintf("%s, line %ld", res->input_name, res->first);
	else
		s = xstrdup(res->input_name);
	rd_field(r, "  Input: ", s, INDENT);
	free(s);
	if (h != NULL) {
		s = res->evidence != NULL ? xasprintf("%s (%s)", h->name,
		    res->evidence) : xstrdup(h->name);
		rd_field(r, "  From:  ", s, INDENT);
		free(s);
		/* What the headers do and do not prove about this hop. */
		if (res->evidence != NULL) {
			printf("%*s", INDENT, "");
			rd_wrap(r, h->note, INDENT, INDENT);
		}
	} else
		rd_field(r, "  From:  ", "no header or log format names the hop",
		    INDENT);
	if (res->also != NULL)
		rd_field(r, "  Via:   ", res->also, INDENT);
	if (res->sig != NULL) {
		rd_field(r, "  Cause: ", res->sig->says, INDENT);
		rd_field(r, "  Fix:   ", res->sig->fix, INDENT);
	} else if (e != NULL) {
		rd_field(r, "  Means: ", col(e, 5), INDENT);
		s = xasprintf("not told by this input; httperror %s lists the "
		    "usual ones", col(e, 0));
		rd_field(r, "  Cause: ", s, INDENT);
		free(s);
	} else
		rd_field(r, "  Means: ", "not in this reference", INDENT);
	if (res->sample != NULL) {
		rd_on(r, S_BOLD, "");
		fputs(strcmp(res->input, "har") == 0 ? "  Asked: " : "  Line:  ",
		    stdout);
		rd_off(r, S_BOLD);
		x_sample(r, res->sample);
	}
	if (e != NULL) {
		s = xasprintf("httperror %s; man %s", col(e, 0), col(e, 6));
		rd_field(r, "  More:  ", s, INDENT);
		free(s);
		sqlite3_finalize(e);
	}
}

static json_t *
x_json(struct xrun *x, const struct result *res)
{
	struct rd		*r = x->r;
	sqlite3_stmt		*e = x_entry(r, res);
	const struct xhop	*h = x_hop(&x->k, res->hop);
	json_t			*o = json_object(), *hop;
	char			*cmd;

	json_object_set_new(o, "code", json_string(res->code));
	json_object_set_new(o, "slug", e != NULL ? rd_jstr(col(e, 8)) :
	    json_null());
	json_object_set_new(o, "phrase", e != NULL ? rd_jstr(col(e, 1)) :
	    json_null());
	json_object_set_new(o, "class", e != NULL ? rd_jstr(col(e, 3)) :
	    json_null());
	json_object_set_new(o, "input", json_string(res->input));
	json_object_set_new(o, "input_name", json_string(res->input_name));
	json_object_set_new(o, "count", json_integer(res->count));
	json_object_set_new(o, "first_line", res->first > 0 ?
	    json_integer(res->first) : json_null());
	json_object_set_new(o, "sample", rd_jstr(res->sample));
	if (h != NULL) {
		hop = json_object();
		json_object_set_new(hop, "id", json_string(h->id));
		json_object_set_new(hop, "name", json_string(h->name));
		json_object_set_new(hop, "evidence", rd_jstr(res->evidence));
		json_object_set_new(hop, "note", json_string(h->note));
		json_object_set_new(o, "hop", hop);
	} else
		json_object_set_new(o, "hop", json_null());
	json_object_set_new(o, "also", rd_jstr(res->also));
	if (res->sig != NULL) {
		json_t	*c = json_object();

		json_object_set_new(c, "says", json_string(res->sig->says));
		json_object_set_new(c, "fix", json_string(res->sig->fix));
		json_object_set_new(o, "cause", c);
	} else
		json_object_set_new(o, "cause", json_null());
	json_object_set_new(o, "summary", e != NULL ? rd_jstr(col(e, 5)) :
	    json_null());
	if (e != NULL) {
		cmd = xasprintf("man %s", col(e, 6));
		json_object_set_new(o, "man", json_string(cmd));
		free(cmd);
		sqlite3_finalize(e);
	} else
		json_object_set_new(o, "man", json_null());
	return o;
}

static int
x_result_cmp(const void *a, const void *b)
{
	const struct result	*x = a, *y = b;

	/* Heads (first == 0) in their order; then lines, most first. */
	if ((x->first == 0) != (y->first == 0))
		return x->first == 0 ? -1 : 1;
	if (x->first != 0 && x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Log lines whose status is not an error (1xx to 3xx) are what a log is
 * mostly made of: when the input has an error too, they are only counted.
 */
static void
x_drop_fine(struct xrun *x)
{
	size_t	 i, j;
	int	 errors = 0;

	for (i = 0; i < x->n; i++)
		if (x->v[i].code[0] < '1' || x->v[i].code[0] > '3' ||
		    x->v[i].code[1] == '\0' || x->v[i].sig != NULL)
			errors = 1;
	if (!errors)
		return;
	for (i = j = 0; i < x->n; i++) {
		struct result	*res = &x->v[i];

		if (res->first > 0 && res->sig == NULL && res->code[0] >= '1' &&
		    res->code[0] <= '3' && strlen(res->code) == 3) {
			x->fine += res->count;
			free(res->evidence);
			free(res->also);
			free(res->sample);
			continue;
		}
		x->v[j++] = *res;
	}
	x->n = j;
}

/* A browser's "Copy as cURL": a request, with no response in it. */
static int
x_is_request(const char *text)
{
	text += strspn(text, " \t\r\n");
	return strncmp(text, "curl ", 5) == 0 &&
	    (strstr(text, " -H ") != NULL || strstr(text, "--header") != NULL ||
	    strstr(text, "http") != NULL);
}

static char *
x_read_stdin(void)
{
	struct buf	 b;
	char		 chunk[65536];
	size_t		 n;

	if (isatty(STDIN_FILENO))
		fputs("httperror: reading a response head, a HAR file or log "
		    "lines; end with Ctrl-D\n", stderr);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		if (b.len + n > INPUT_MAX) {
			msg(MSG_USAGE, "standard input", 0, 0, "more than %lu "
			    "MiB; give explain the tail of the log", INPUT_MAX /
			    1024 / 1024);
			buf_release(&b);
			return NULL;
		}
		buf_put(&b, chunk, n);
	}
	if (ferror(stdin)) {
		msg_errno("standard input", "cannot read");
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

int
explain_main(struct rd *r, const char *arg)
{
	struct xrun	 x;
	char		*text;
	size_t		 i;
	json_t		*o = NULL, *a;
	int		 request;

	memset(&x, 0, sizeof(x));
	x.r = r;
	if ((text = arg != NULL ? xstrdup(arg) : x_read_stdin()) == NULL)
		return msg_exit_status();
	if (x_load(r, &x.k) == -1)
		goto out;
	/* Before x_text, which cuts the text into lines in place. */
	request = x_is_request(text);
	if (!x_har(&x, text))
		x_text(&x, text);
	x_drop_fine(&x);
	qsort(x.v, x.n, sizeof(*x.v), x_result_cmp);
	if (r->json) {
		o = rd_json_new(NULL);
		a = json_array();
		for (i = 0; i < x.n; i++)
			json_array_append_new(a, x_json(&x, &x.v[i]));
		json_object_set_new(o, "results", a);
		a = json_object();
		json_object_set_new(a, "total", json_integer(x.lines));
		json_object_set_new(a, "fine", json_integer(x.fine));
		json_object_set_new(a, "other", json_integer(x.other));
		json_object_set_new(a, "unrecognised", json_integer(x.unknown));
		json_object_set_new(o, "lines", a);
		rd_json_put(o);
	} else
		for (i = 0; i < x.n; i++) {
			if (i > 0)
				putchar('\n');
			x_print(&x, &x.v[i]);
		}
	if (!r->json && x.n > 0 && (x.fine > 0 || x.other > 0 ||
	    x.unknown > 0)) {
		struct buf	 b;

		buf_init(&b);
		if (x.fine > 0)
			buf_printf(&b, "%ld more line%s with a 1xx to 3xx status",
			    x.fine, x.fine == 1 ? "" : "s");
		if (x.other > 0)
			buf_printf(&b, "%s%ld more line%s in a known format, "
			    "naming no status", b.len > 0 ? "; " : "", x.other,
			    x.other == 1 ? "" : "s");
		if (x.unknown > 0)
			buf_printf(&b, "%s%ld line%s not recognised",
			    b.len > 0 ? "; " : "", x.unknown,
			    x.unknown == 1 ? "" : "s");
		putchar('\n');
		rd_on(r, S_DIM, "");
		rd_wrap(r, b.data, 0, 0);
		rd_off(r, S_DIM);
		buf_release(&b);
	}
	if (x.n == 0) {
		if (request)
			msg(MSG_ERROR, NULL, 0, 0, "nothing recognised: this is a "
			    "request (a copied cURL command), not a response; run "
			    "it with -sv added and give explain what it prints");
		else
			msg(MSG_ERROR, NULL, 0, 0, "nothing recognised: give a "
			    "response head (curl -sI or curl -sv), a HAR file, or "
			    "log lines from nginx, Apache, HAProxy, Envoy, an AWS "
			    "load balancer or Cloudflare");
	}
out:
	for (i = 0; i < x.n; i++) {
		free(x.v[i].evidence);
		free(x.v[i].also);
		free(x.v[i].sample);
	}
	free(x.v);
	x_free(&x.k);
	free(text);
	return msg_exit_status();
}
