/*
 * buf.h: a growable byte buffer.  Backends render into one, never straight to a
 * FILE *, so a page is complete in memory before anything touches the disk.
 * The data is always NUL-terminated (not counted in len).
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_release(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_grow(struct buf *, size_t);
void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc_grow(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*buf_detach(struct buf *);

/*
 * One byte: the escapers call this for nearly every byte of the registry, so
 * the common case, room already there, is inline.
 */
static inline void
buf_putc(struct buf *b, int c)
{
	if (b->cap - b->len >= 2) {
		b->data[b->len++] = (char)c;
		b->data[b->len] = '\0';
	} else
		buf_putc_grow(b, c);
}

#endif
