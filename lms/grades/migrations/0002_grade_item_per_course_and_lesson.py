# One H5P package may be placed in lessons of several courses: its grade item is now per course and
# lesson (it used to be one item per package, in the course where it was first played).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0004_lesson_h5p_block'),
        ('grades', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='gradeitem',
            name='lesson',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='+', to='courses.lessonpage', verbose_name='lección'),
        ),
        migrations.RemoveConstraint(
            model_name='gradeitem',
            name='one_item_per_source',
        ),
        migrations.AddConstraint(
            model_name='gradeitem',
            constraint=models.UniqueConstraint(condition=models.Q(('lesson__isnull', True)),
                                               fields=('course', 'source_kind', 'source_id'),
                                               name='one_item_per_course_source'),
        ),
        migrations.AddConstraint(
            model_name='gradeitem',
            constraint=models.UniqueConstraint(condition=models.Q(('lesson__isnull', False)),
                                               fields=('course', 'lesson', 'source_kind', 'source_id'),
                                               name='one_item_per_lesson_source'),
        ),
    ]
