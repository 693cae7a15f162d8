/*
 * schema.h: the registry schema, xml/registry.xsd, compiled into the tool as
 * bytes (build/obj/schema.c is generated from it by the Makefile).  registry.c
 * validates every registry against it, so a registry cannot bring a schema of
 * its own.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stddef.h>

extern const unsigned char	schema_xsd[];
extern const size_t		schema_xsd_len;

#endif
