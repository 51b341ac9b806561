// Pointer chasing: the length of a singly linked list.
#include <stddef.h>

struct node {
  struct node *next;
  long value;
};

size_t list_length(const struct node *p) {
  size_t n = 0;
  while (p) {
    n++;
    p = p->next;
  }
  return n;
}
