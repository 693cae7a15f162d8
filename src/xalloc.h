/*
 * xalloc.h: allocation that cannot fail.  Running out of memory is reported as a
 * system error and ends the process (exit 3), so callers never check for NULL.
 * Size arithmetic goes through xmul/xadd, which die on overflow.
 */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
size_t	 xadd(size_t, size_t);
size_t	 xmul(size_t, size_t);

#endif
