"""Give existing H5P results, states and statements the lesson where they were most likely played,
and move H5P grades to the grade item of that lesson's course.

Before this, one H5P package placed in lessons of two courses shared one result per learner and one
grade item (in the course where it was first played). A merged result cannot be split again: each goes
to one lesson holding the activity, chosen in this order: a lesson the learner completed, a lesson of a
course they are enrolled in, a lesson of the course that held the old grade item, then the first lesson
in the page tree. Results and states of activities no longer placed in any lesson cannot be reached by
anyone and are removed (their statements stay, without lesson).
"""

from collections import defaultdict

from django.db import migrations

STEPLEN = 4  # Wagtail's path step: lesson -> module -> course


def activity_placements(apps) -> dict[int, list[tuple[int, int | None]]]:
    """activity id -> [(lesson id, course id)] in page-tree order, from the lessons' top-level H5P blocks."""
    LessonPage = apps.get_model("courses", "LessonPage")
    CoursePage = apps.get_model("courses", "CoursePage")
    course_by_path = dict(CoursePage.objects.values_list("path", "pk"))
    placements: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for lesson in LessonPage.objects.order_by("path").only("pk", "path", "body"):
        course_id = course_by_path.get(lesson.path[: -2 * STEPLEN])
        for block in lesson.body.raw_data:
            value = block.get("value") if block.get("type") == "h5p" else None
            activity_id = value.get("activity") if isinstance(value, dict) else None
            if activity_id is not None and (lesson.pk, course_id) not in placements[activity_id]:
                placements[activity_id].append((lesson.pk, course_id))
    return placements


def choose_lesson(candidates: list[tuple[int, int | None]], *, completed: set[int], enrolled: set[int],
                  graded_course: int | None) -> int | None:
    """The lesson a legacy result most likely came from (see the module docstring), or None."""
    if not candidates:
        return None
    ranked = sorted(enumerate(candidates), key=lambda pair: (
        pair[1][0] not in completed, pair[1][1] not in enrolled, pair[1][1] != graded_course, pair[0]))
    return ranked[0][1][0]


def forwards(apps, schema_editor):
    H5PResult = apps.get_model("h5p", "H5PResult")
    H5PUserState = apps.get_model("h5p", "H5PUserState")
    XAPIStatement = apps.get_model("h5p", "XAPIStatement")
    GradeItem = apps.get_model("grades", "GradeItem")
    Grade = apps.get_model("grades", "Grade")
    Enrolment = apps.get_model("courses", "Enrolment")
    LessonCompletion = apps.get_model("courses", "LessonCompletion")
    if not (H5PResult.objects.exists() or H5PUserState.objects.exists() or GradeItem.objects.filter(
            source_kind="h5p").exists()):
        return
    placements = activity_placements(apps)
    course_of_lesson = {lesson: course for places in placements.values() for lesson, course in places}
    old_items = {item.source_id: item for item in GradeItem.objects.filter(source_kind="h5p", lesson__isnull=True)}

    def lesson_for(user_id: int, activity_id: int) -> int | None:
        old = old_items.get(activity_id)
        return choose_lesson(
            placements.get(activity_id, []),
            completed=set(LessonCompletion.objects.filter(user_id=user_id).values_list("lesson_id", flat=True)),
            enrolled=set(Enrolment.objects.filter(user_id=user_id).values_list("course_id", flat=True)),
            graded_course=old.course_id if old else None,
        )

    chosen: dict[tuple[int, int], int | None] = {}
    for model in (H5PResult, H5PUserState):
        for row in model.objects.filter(lesson__isnull=True):
            key = (row.user_id, row.activity_id)
            if key not in chosen:
                chosen[key] = lesson_for(*key)
            if chosen[key] is None:
                row.delete()
            else:
                row.lesson_id = chosen[key]
                row.save(update_fields=["lesson"])
    for (user_id, activity_id), lesson_id in chosen.items():
        if lesson_id is not None:
            XAPIStatement.objects.filter(user_id=user_id, activity_id=activity_id, lesson__isnull=True).update(
                lesson_id=lesson_id)

    # The old item keeps its course (and the weight set there) and takes that course's first lesson.
    for activity_id, item in old_items.items():
        here = [lesson for lesson, course in placements.get(activity_id, []) if course == item.course_id]
        if here:
            item.lesson_id = here[0]
            item.save(update_fields=["lesson"])
    # Each grade follows its learner's result to that result's lesson and course.
    for grade in Grade.objects.filter(item__source_kind="h5p").select_related("item"):
        lesson_id = chosen.get((grade.user_id, grade.item.source_id))
        course_id = course_of_lesson.get(lesson_id)
        if lesson_id is None or course_id is None or grade.item.lesson_id == lesson_id:
            continue
        target, _created = GradeItem.objects.get_or_create(
            course_id=course_id, lesson_id=lesson_id, source_kind="h5p", source_id=grade.item.source_id,
            defaults={"title": grade.item.title, "reported_by": grade.item.reported_by},
        )
        if not Grade.objects.filter(item=target, user_id=grade.user_id).exists():
            grade.item = target
            grade.save(update_fields=["item"])


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0004_lesson_h5p_block'),
        ('grades', '0002_grade_item_per_course_and_lesson'),
        ('h5p', '0003_lesson_of_results_states_statements'),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
