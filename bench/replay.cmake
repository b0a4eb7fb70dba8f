# bench_replay: P7 offline replay against a central PostgreSQL (run through scripts/pg-harness run).
add_executable(bench_replay bench_replay.cpp)
target_link_libraries(bench_replay PRIVATE tt_benchsupport tt_database tt_core tt_compile_options)
