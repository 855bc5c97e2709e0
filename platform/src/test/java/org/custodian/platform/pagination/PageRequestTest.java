package org.custodian.platform.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.custodian.platform.problems.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFiftyAndAcceptsUpToFiveHundred() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of("", "").limit()).isEqualTo(50);
        assertThat(PageRequest.of("500", null).limit()).isEqualTo(500);
        assertThat(PageRequest.of("1", null).isFirst()).isTrue();
    }

    @Test
    void refusesLimitsOutOfRangeWithA400NamingTheField() {
        for (String bad : List.of("0", "501", "-1", "ten", "1.5", "99999999999")) {
            assertThatThrownBy(() -> PageRequest.of(bad, null))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> {
                        ProblemException p = (ProblemException) e;
                        assertThat(p.problem().status()).isEqualTo(400);
                        assertThat(p.problem().errors()).extracting("field").containsExactly("limit");
                    });
        }
    }

    @Test
    void refusesCursorsItDidNotIssue() {
        for (String bad : List.of("%%%", "bm90LWEtY3Vyc29y", "YWJj")) {
            assertThatThrownBy(() -> PageRequest.of(null, bad))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().errors())
                            .extracting("field")
                            .containsExactly("cursor"));
        }
        PageRequest textual = PageRequest.of(null, PageRequest.encode(List.of("abc")));
        assertThatThrownBy(() -> textual.afterLong(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> textual.after(3)).isInstanceOf(ProblemException.class);
    }

    @Property
    void cursorsRoundTrip(@ForAll @Size(min = 1, max = 4) List<String> position) {
        assertThat(PageRequest.of(null, PageRequest.encode(position)).after()).isEqualTo(position);
    }

    @Property
    void pagingVisitsEveryItemOnceInOrder(
            @ForAll @IntRange(min = 0, max = 120) int total, @ForAll @IntRange(min = 1, max = 25) int limit) {
        List<Integer> all = IntStream.range(0, total).boxed().toList();
        List<Integer> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PageRequest request = PageRequest.of(Integer.toString(limit), cursor);
            int after = request.isFirst() ? -1 : (int) request.afterLong(0);
            List<Integer> rows = all.stream()
                    .filter(i -> i > after)
                    .limit(request.fetchSize())
                    .toList();
            Page<Integer> page = Page.fromRows(rows, request, i -> List.of(Integer.toString(i)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(Math.max(1, (total + limit - 1) / limit));
    }
}
