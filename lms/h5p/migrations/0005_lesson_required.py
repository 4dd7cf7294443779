import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0004_lesson_h5p_block'),
        ('h5p', '0004_fill_in_lessons'),
    ]

    operations = [
        migrations.AlterField(
            model_name='h5presult',
            name='lesson',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+',
                                    to='courses.lessonpage', verbose_name='lección'),
        ),
        migrations.AlterField(
            model_name='h5puserstate',
            name='lesson',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+',
                                    to='courses.lessonpage'),
        ),
        migrations.AddConstraint(
            model_name='h5presult',
            constraint=models.UniqueConstraint(fields=('user', 'activity', 'lesson'),
                                               name='one_h5p_result_per_learner_and_lesson'),
        ),
        migrations.AddConstraint(
            model_name='h5puserstate',
            constraint=models.UniqueConstraint(fields=('user', 'activity', 'lesson'),
                                               name='one_h5p_state_per_learner_and_lesson'),
        ),
    ]
