/*
 * reader.h: the reader's commands (reader.c): `httperror CODE`, `show CODE`,
 * `list [CLASS|MASK]`, from the data out_data.c compiled.
 */
#ifndef READER_H
#define READER_H

/* Whether argv[1] is one of the reader's: show, list, a code or a class. */
int	reader_is_command(const char *);
/* argv[1] is that command; returns the exit status. */
int	reader_main(int argc, char *argv[]);

#endif
