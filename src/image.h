/*
 * image.h: the small RGBA images the docset icons are made from.  The source
 * is a plain PPM (netpbm P3) kept in the stylesheet directory, read by a
 * bounded parser; pure magenta (maxval 0 maxval) stands for a transparent
 * pixel, since PPM has no alpha.  Called by out_docset.c; png.c writes the
 * result.
 */
#ifndef IMAGE_H
#define IMAGE_H

#define IMAGE_MAX	256	/* largest width or height accepted */

struct image {
	unsigned	 w, h;
	unsigned char	*rgba;	/* w * h pixels of R G B A, row by row */
};

struct image	*image_read_ppm(const char *path);
struct image	*image_halve(const struct image *);
void		 image_free(struct image *);

#endif
