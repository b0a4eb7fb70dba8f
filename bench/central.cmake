# bench_central: P2–P5 against a central PostgreSQL (run through scripts/pg-harness run; not in
# ctest: it seeds 2M bags and 10M scans).
add_executable(bench_central bench_central.cpp)
target_link_libraries(bench_central PRIVATE tt_benchsupport tt_database tt_core tt_compile_options)
target_compile_definitions(bench_central PRIVATE TT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
