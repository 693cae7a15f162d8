/*
 * buf.c: growable byte buffer (see buf.h).  Used by every module that builds text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t	 need = xadd(xadd(b->len, n), 1);
	size_t	 cap;

	if (need <= b->cap)
		return;
	cap = b->cap < 256 ? 256 : b->cap;
	while (cap < need)
		cap = xmul(cap, 2);
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
	b->data[b->len] = '\0';	/* a new buffer is an empty string at once */
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* buf_putc() when the buffer is full (or was never grown). */
void
buf_putc_grow(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Hand the bytes to the caller, who frees them; the buffer is left empty. */
char *
buf_detach(struct buf *b)
{
	char	*p;

	if (b->data == NULL)
		return xstrdup("");
	p = b->data;
	buf_init(b);
	return p;
}
