package dudao.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page number (from 0), the page size and the total count.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** The page and size a caller asked for, brought into range. */
    public record Request(int page, int size) {
        public Request {
            page = Math.max(0, page);
            size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        }

        public static Request of(Integer page, Integer size) {
            return new Request(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
