/*
 * image.c: read the icon source and scale it (see image.h).  Called by
 * out_docset.c.
 *
 * The parser takes netpbm's plain PPM exactly: "P3", then width, height and
 * maxval, then width * height * 3 decimal samples, with white space between
 * tokens and '#' comments up to the end of a line.  Every number is bounded
 * before it is used, so a damaged file gives a diagnostic with its line and
 * column, never a huge allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"
#include "image.h"
#include "msg.h"
#include "xalloc.h"

struct image_lexer {
	const char	*path;
	const char	*p;
	long		 line, col;
};

static void
image_advance(struct image_lexer *lx)
{
	if (*lx->p == '\n') {
		lx->line++;
		lx->col = 1;
	} else
		lx->col++;
	lx->p++;
}

/* Skip white space and comments; 0 at the end of the text. */
static int
image_skip(struct image_lexer *lx)
{
	for (;;) {
		if (*lx->p == '#')
			while (*lx->p != '\0' && *lx->p != '\n')
				image_advance(lx);
		else if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n' ||
		    *lx->p == '\r')
			image_advance(lx);
		else
			return *lx->p != '\0';
	}
}

/* The next token as a number in [lo, hi]; -1 after a diagnostic. */
static long
image_number(struct image_lexer *lx, const char *what, long lo, long hi)
{
	long	 v = 0, line, col;
	int	 digits = 0;

	if (!image_skip(lx)) {
		msg(MSG_ERROR, lx->path, lx->line, lx->col,
		    "the image ends where a %s should be", what);
		return -1;
	}
	line = lx->line;
	col = lx->col;
	while (*lx->p >= '0' && *lx->p <= '9') {
		if (v <= hi)
			v = v * 10 + (*lx->p - '0');
		digits++;
		image_advance(lx);
	}
	if (digits == 0 || (*lx->p != '\0' && *lx->p != '#' && *lx->p != ' ' &&
	    *lx->p != '\t' && *lx->p != '\n' && *lx->p != '\r')) {
		msg(MSG_ERROR, lx->path, line, col, "%s is not a number", what);
		return -1;
	}
	if (v < lo || v > hi) {
		msg(MSG_ERROR, lx->path, line, col, "%s is out of range "
		    "(%ld to %ld)", what, lo, hi);
		return -1;
	}
	return v;
}

/* NULL after a diagnostic.  The result is freed with image_free(). */
struct image *
image_read_ppm(const char *path)
{
	struct image_lexer	 lx;
	struct image		*img = NULL;
	char			*text;
	unsigned char		*px, rgb[3];
	size_t			 len, i, n;
	long			 w, h, maxval, v;
	int			 k;

	if ((text = fs_read(path, &len)) == NULL)
		return NULL;
	memset(&lx, 0, sizeof(lx));
	lx.path = path;
	lx.p = text;
	lx.line = lx.col = 1;
	if (strlen(text) != len || strncmp(text, "P3", 2) != 0 ||
	    (text[2] != ' ' && text[2] != '\t' && text[2] != '\n' &&
	    text[2] != '\r' && text[2] != '#')) {
		msg(MSG_ERROR, path, 1, 1, "not a plain PPM image (P3)");
		goto fail;
	}
	lx.p += 2;
	lx.col += 2;
	if ((w = image_number(&lx, "width", 1, IMAGE_MAX)) == -1 ||
	    (h = image_number(&lx, "height", 1, IMAGE_MAX)) == -1 ||
	    (maxval = image_number(&lx, "maxval", 1, 255)) == -1)
		goto fail;
	img = xcalloc(1, sizeof(*img));
	img->w = (unsigned)w;
	img->h = (unsigned)h;
	n = xmul((size_t)w, (size_t)h);
	img->rgba = xcalloc(n, 4);
	for (i = 0, px = img->rgba; i < n; i++, px += 4) {
		for (k = 0; k < 3; k++) {
			if ((v = image_number(&lx, "sample", 0, maxval)) == -1)
				goto fail;
			rgb[k] = (unsigned char)v;
		}
		if (rgb[0] == maxval && rgb[1] == 0 && rgb[2] == maxval)
			continue;	/* transparent: stays 0 0 0 0 */
		for (k = 0; k < 3; k++)
			px[k] = (unsigned char)((rgb[k] * 255 + maxval / 2) / maxval);
		px[3] = 255;
	}
	if (image_skip(&lx)) {
		msg(MSG_ERROR, path, lx.line, lx.col, "more samples than "
		    "%ld x %ld pixels", w, h);
		goto fail;
	}
	free(text);
	return img;
fail:
	image_free(img);
	free(text);
	return NULL;
}

/*
 * Half the size, each pixel the mean of a 2x2 box.  Colours are weighted by
 * their alpha, so transparent pixels (black underneath) do not darken the
 * edges.  Width and height must be even.
 */
struct image *
image_halve(const struct image *src)
{
	struct image		*dst;
	const unsigned char	*s;
	unsigned char		*d;
	unsigned		 x, y, dx, dy, k, a, sum[3];

	if (src->w % 2 != 0 || src->h % 2 != 0)
		return NULL;
	dst = xcalloc(1, sizeof(*dst));
	dst->w = src->w / 2;
	dst->h = src->h / 2;
	dst->rgba = xcalloc(xmul(dst->w, dst->h), 4);
	for (y = 0; y < dst->h; y++)
		for (x = 0; x < dst->w; x++) {
			a = sum[0] = sum[1] = sum[2] = 0;
			for (dy = 0; dy < 2; dy++)
				for (dx = 0; dx < 2; dx++) {
					s = src->rgba + ((size_t)(2 * y + dy) *
					    src->w + 2 * x + dx) * 4;
					for (k = 0; k < 3; k++)
						sum[k] += (unsigned)s[k] * s[3];
					a += s[3];
				}
			d = dst->rgba + ((size_t)y * dst->w + x) * 4;
			if (a > 0)
				for (k = 0; k < 3; k++)
					d[k] = (unsigned char)((sum[k] + a / 2) / a);
			d[3] = (unsigned char)((a + 2) / 4);
		}
	return dst;
}

void
image_free(struct image *img)
{
	if (img == NULL)
		return;
	free(img->rgba);
	free(img);
}
