// Insertion sort with a sentinel: a[0] must be the smallest value, so the inner shift loop has one test.
#include <stddef.h>

void insertion_sort(int *a, size_t n) {
  for (size_t i = 2; i < n; i++) {
    int key = a[i];
    size_t j = i;
    while (a[j - 1] > key) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = key;
  }
}
