/*
 * words.h: the words of a text, for the HTML page's search index.  xform.c
 * registers words_index() as the XSLT extension function hx:words(); the
 * unit tests call it directly.  It appends to a buf and never fails.
 */
#ifndef WORDS_H
#define WORDS_H

struct buf;

void	words_index(struct buf *, const char *);

#endif
