/*
 * xalloc.c: allocation wrappers that die on failure (see xalloc.h).
 * Called from everywhere; calls only libc and msg.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "xalloc.h"

static void
xalloc_die(size_t n)
{
	msg_fatal_oom(n);
}

size_t
xadd(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		xalloc_die(SIZE_MAX);
	return a + b;
}

size_t
xmul(size_t a, size_t b)
{
	if (b != 0 && a > SIZE_MAX / b)
		xalloc_die(SIZE_MAX);
	return a * b;
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		xalloc_die(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		xalloc_die(xmul(n, size));
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;
	size_t	 total = xmul(n, size);

	if ((p = realloc(old, total == 0 ? 1 : total)) == NULL)
		xalloc_die(total);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(xadd(n, 1));
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die(0);
	p = xmalloc(xadd((size_t)n, 1));
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
