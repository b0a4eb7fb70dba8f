# bench_import_pg: P6 on PostgreSQL (run through scripts/pg-harness run; not in ctest).
add_executable(bench_import_pg ${CMAKE_CURRENT_LIST_DIR}/bench_import_pg.cpp)
target_link_libraries(bench_import_pg PRIVATE tt_benchsupport tt_reports tt_database tt_core tt_compile_options)
